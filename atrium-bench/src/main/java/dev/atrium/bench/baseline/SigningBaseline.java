package dev.atrium.bench.baseline;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.tokens.KeyRing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Access JWTs as the server makes them for a new app (TokenService: the algorithm of
 * KeyRing.DEFAULT_ALGORITHM, ES256 through EcdsaProvider (ACCP, else the JDK's SunEC), or EdDSA through nimbus's
 * Ed25519Signer and Tink; key made by KeyRing.generate; the access token's header and claims):
 * signing on one thread (the rate per core), on every core, and verification (parse + verify) on
 * one thread. Each iteration builds, signs and serialises a new token, the work a login does twice.
 */
public final class SigningBaseline {
    private static final String APP = "default-bench";

    private final String kid;
    private final JWSAlgorithm alg;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String sample;

    private SigningBaseline() {
        try {
            Instant now = Instant.now();
            var key = KeyRing.generate(APP, now);
            JWK jwk = JWK.parse(key.privateJwk());
            this.kid = key.kid();
            this.alg = JWSAlgorithm.parse(key.alg());
            if (jwk instanceof ECKey ec) {
                this.signer = dev.atrium.core.tokens.EcdsaProvider.signer(ec);
                this.verifier = dev.atrium.core.tokens.EcdsaProvider.verifier(ec);
            } else {
                OctetKeyPair okp = jwk.toOctetKeyPair();
                this.signer = new Ed25519Signer(okp);
                this.verifier = new Ed25519Verifier(okp.toPublicJWK());
            }
            this.sample = accessToken();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up " + KeyRing.DEFAULT_ALGORITHM + " signing (nimbus)", e);
        }
    }

    /** Sign per core, sign on all cores, verify per core. */
    public static List<BaselineResult> run(Timing timing) {
        SigningBaseline b = new SigningBaseline();
        int cores = Runtime.getRuntime().availableProcessors();
        List<BaselineResult> out = new ArrayList<>();
        String what = b.alg + (b.alg.equals(JWSAlgorithm.ES256) ? " (" + dev.atrium.core.tokens.EcdsaProvider.name() + ")" : "");
        out.add(BaselineLoop.run("sign-1-thread", what + " access JWT: build, sign, serialise", 1, 0, timing,
                w -> b.accessToken()));
        out.add(BaselineLoop.run("sign-all-cores", "the same on " + cores + " threads", cores, 0, timing,
                w -> b.accessToken()));
        out.add(BaselineLoop.run("verify-1-thread", what + " access JWT: parse, verify", 1, 0, timing,
                w -> b.verify()));
        return out;
    }

    private String accessToken() throws Exception {
        Instant now = Instant.now();
        String user = ObjectIds.next(now);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:9090/api/client/v2.0/app/" + APP)
                .audience(APP)
                .subject(user)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .claim("typ", "access")
                .claim("sid", ObjectIds.next(now))
                .claim("baas_device_id", ObjectIds.next(now))
                .claim("is_anonymous", true)
                .claim("amr", List.of("anon-user"))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private void verify() throws Exception {
        SignedJWT jwt = SignedJWT.parse(sample);
        jwt.getJWTClaimsSet();
        if (!jwt.verify(verifier)) {
            throw new IllegalStateException("a token signed here does not verify");
        }
    }
}
