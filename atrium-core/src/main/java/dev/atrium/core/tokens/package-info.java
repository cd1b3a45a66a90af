/**
 * Tokens: per-app signing keys, ES256 (P-256) by default or EdDSA (Ed25519)
 * ({@link dev.atrium.core.tokens.KeyRing}, store SPI {@link dev.atrium.core.tokens.SigningKeyStore}),
 * and JWT issue/verify ({@link dev.atrium.core.tokens.TokenService}). Imports the kernel, apps and users.
 */
package dev.atrium.core.tokens;
