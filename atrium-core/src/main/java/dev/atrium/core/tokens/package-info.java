/**
 * Tokens: per-app Ed25519 keys ({@link dev.atrium.core.tokens.KeyRing}, store SPI
 * {@link dev.atrium.core.tokens.SigningKeyStore}) and JWT issue/verify
 * ({@link dev.atrium.core.tokens.TokenService}). Imports the kernel, apps and users.
 */
package dev.atrium.core.tokens;
