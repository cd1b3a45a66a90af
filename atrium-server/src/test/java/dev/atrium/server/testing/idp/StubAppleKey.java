package dev.atrium.server.testing.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;

/**
 * An app's Sign in with Apple key, as Apple hands it out (a P-256 key in a .p8 file) and as Apple's
 * token endpoint checks a client secret made with it: ES256, its key id, the team id as
 * {@code iss}, the Services ID as {@code sub}, Apple's issuer as {@code aud}, not expired.
 */
final class StubAppleKey {
    private final KeyPair pair;
    private final Supplier<Instant> clock;

    StubAppleKey(Supplier<Instant> clock) {
        this.clock = clock;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as the .p8 file's text. */
    String pem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** Whether {@code secret} is a client secret this key made for {@code clientId} of team {@code teamId}. */
    boolean accepts(String secret, String keyId, String teamId, String clientId, String audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(secret);
            JWTClaimsSet c = jwt.getJWTClaimsSet();
            return jwt.verify(new ECDSAVerifier((ECPublicKey) pair.getPublic())) && keyId.equals(jwt.getHeader().getKeyID())
                    && teamId.equals(c.getIssuer()) && clientId.equals(c.getSubject()) && c.getAudience().equals(java.util.List.of(audience))
                    && c.getExpirationTime() != null && c.getExpirationTime().after(Date.from(clock.get()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return false;
        }
    }
}
