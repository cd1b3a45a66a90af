package dev.atrium.core.tokens;

import java.time.Instant;

/**
 * A per-app signing key as stored (docs/client-api.md, Tokens). The private part is a JWK in JSON: EC P-256
 * (RFC 7518) for ES256, OKP Ed25519 (RFC 8037) for EdDSA.
 *
 * @param state {@link #ACTIVE} signs new tokens; {@link #RETIRED} still verifies tokens signed
 *     before a rotation and stays published in the JWKS until they have expired
 * @param retiredAt when a rotation retired it; null while active
 */
public record SigningKey(String appId, String kid, String alg, String privateJwk, String state, Instant createdAt,
                         Instant retiredAt) {
    public static final String ACTIVE = "active";
    public static final String RETIRED = "retired";
}
