/**
 * The email/password provider ({@code local-userpass}): accounts, Argon2id hashing, single-use
 * tokens and their delivery SPI. Imports {@code auth}, apps, users, sessions and the kernel;
 * never a sibling provider.
 */
package dev.atrium.core.auth.password;
