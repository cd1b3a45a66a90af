/**
 * The anonymous ({@code anon-user}) provider: guests. Imports the provider SPI in {@code auth},
 * users and the kernel only.
 */
package dev.atrium.core.auth.anonymous;
