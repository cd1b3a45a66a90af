/** The anonymous ({@code anon-user}) provider. Imports {@code auth}, users and the kernel only. */
package dev.atrium.core.auth.anonymous;
