/**
 * Interop: access tokens of a running Atrium server (in this JVM, {@link dev.atrium.interop.AtriumTokens})
 * verified by widely used JWT verifiers, each configured as its own documentation says from the
 * discovery document and the JWKS alone: Spring Security's NimbusJwtDecoder (issuer-uri,
 * jwk-set-uri, and an EdDSA recipe), Auth0 java-jwt + jwks-rsa, and, under Node, jose and
 * jsonwebtoken + jwks-rsa ({@code sdk-tests/verifiers}). Every recipe here is the one
 * docs/verifying-tokens.md shows.
 */
package dev.atrium.interop;
