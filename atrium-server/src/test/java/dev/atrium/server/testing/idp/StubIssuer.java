package dev.atrium.server.testing.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;

/**
 * One OpenID provider of the stub (Apple or Google): an RSA test key whose public half the stub
 * publishes as a JWKS, and ID tokens signed with it (RS256, as Apple and Google sign).
 */
public final class StubIssuer {
    public final String issuer;
    public final String audience;
    private final RSAKey key;
    /** Another key under the same kid: tokens it signs carry a bad signature. */
    private final RSAKey impostor;
    private final Supplier<Instant> clock;

    StubIssuer(String issuer, String audience, String kid, Supplier<Instant> clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.key = TestRsaKeys.of(issuer, kid);
        this.impostor = TestRsaKeys.of(issuer + " impostor", kid);
    }

    byte[] jwks() {
        return new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Claims of a fresh token for {@code sub}: this issuer, the app's audience, issued now, valid an hour. */
    public JWTClaimsSet.Builder claims(String sub) {
        Instant now = clock.get();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(sub)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    /** {@code claims} signed with this issuer's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** {@code claims} signed by an impostor's key with this issuer's kid. */
    public String forge(JWTClaimsSet claims) {
        return sign(claims, impostor);
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
