package dev.atrium.interop;

/**
 * One app of the running server whose active key signs {@code alg}, and two of its genuine access
 * tokens: {@code fresh}, just issued, and {@code expired}, issued by the same key while the
 * server's clock stood two hours back (it expired 90 minutes ago, past any verifier's leeway).
 *
 * @param issuer the app's issuer ({@code iss}); its discovery document is at
 *     {@code issuer + "/.well-known/openid-configuration"}
 * @param userId the guest the fresh token was issued to ({@code sub})
 */
record AppTokens(Alg alg, String appId, String issuer, String userId, String fresh, String expired) {
    /** An audience no token of this server carries: a resource server expecting it must refuse them. */
    static final String OTHER_AUDIENCE = "some-other-app-x0x0x";
}
