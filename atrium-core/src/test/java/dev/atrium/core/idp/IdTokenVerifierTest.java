package dev.atrium.core.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.core.idp.IdTokenRefusedException.Reason;
import dev.atrium.core.kernel.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID-token checks Apple and Google share, each refusal with its reason. The key set comes from
 * a retriever serving the test key's JWKS (the server's is its outbound client; the failures of
 * real fetches are tested through a running server against the IdP stub).
 */
class IdTokenVerifierTest {
    static RSAKey key;
    static RSAKey other;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final AtomicReference<String> jwks = new AtomicReference<>();
    final AtomicInteger fetches = new AtomicInteger();
    final ResourceRetriever retriever = url -> {
        fetches.incrementAndGet();
        if (jwks.get() == null) {
            throw new IOException(url.getHost() + " is down");
        }
        return new Resource(jwks.get(), "application/json");
    };
    final IdTokenVerifier verifier = new IdTokenVerifier(clock, retriever, new NonceLedger(100));
    final IdTokenTrust trust = new IdTokenTrust(URI.create("https://idp.test/keys"), Set.of("https://idp.test", "idp.test"),
            Set.of("client-a", "client-b"), Duration.ofSeconds(60));

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        other = new RSAKeyGenerator(2048).keyID("k1").generate();
    }

    IdTokenVerifierTest() {
        jwks.set(new JWKSet(key.toPublicJWK()).toString());
    }

    JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer("https://idp.test").audience("client-a").subject("sub-1")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    }

    static String sign(JWTClaimsSet c, RSAKey with) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), c);
        jwt.sign(new RSASSASigner(with));
        return jwt.serialize();
    }

    void refused(String token, String nonce, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token, trust, nonce))
                .isInstanceOfSatisfying(IdTokenRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aTokenSignedByTheKeySetForOurAudienceAndIssuerIsVerified() throws Exception {
        JWTClaimsSet c = verifier.verify(sign(claims().issuer("idp.test").audience("client-b").build(), key), trust, null);

        assertThat(c.getSubject()).isEqualTo("sub-1");
    }

    @Test
    void eachBadClaimIsRefusedWithItsReason() throws Exception {
        Instant now = clock.instant();
        refused(sign(claims().build(), other), null, Reason.BAD_SIGNATURE);
        refused(sign(claims().audience("client-z").build(), key), null, Reason.WRONG_AUDIENCE);
        refused(sign(claims().issuer("https://evil.test").build(), key), null, Reason.WRONG_ISSUER);
        refused(sign(claims().expirationTime(Date.from(now.minusSeconds(60))).build(), key), null, Reason.EXPIRED);
        refused(sign(claims().expirationTime(null).build(), key), null, Reason.EXPIRED);
        refused(sign(claims().issueTime(Date.from(now.plusSeconds(61))).build(), key), null, Reason.NOT_YET_VALID);
        refused(sign(claims().notBeforeTime(Date.from(now.plusSeconds(61))).build(), key), null, Reason.NOT_YET_VALID);
        refused(sign(claims().subject("").build(), key), null, Reason.NO_SUBJECT);
        refused("a.b", null, Reason.MALFORMED);
        refused(new com.nimbusds.jwt.PlainJWT(claims().build()).serialize(), null, Reason.MALFORMED); // alg: none
    }

    @Test
    void anHs256TokenKeyedWithThePublicModulusIsABadSignature() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(key.getModulus().decode()));

        refused(jwt.serialize(), null, Reason.BAD_SIGNATURE);
    }

    @Test
    void skewIsAllowedBothWays() throws Exception {
        Instant now = clock.instant();
        String late = sign(claims().expirationTime(Date.from(now.minusSeconds(59))).build(), key);
        String early = sign(claims().issueTime(Date.from(now.plusSeconds(59))).build(), key);

        assertThat(verifier.verify(late, trust, null).getSubject()).isEqualTo("sub-1");
        assertThat(verifier.verify(early, trust, null).getSubject()).isEqualTo("sub-1");
    }

    @Test
    void aNonceSentMustBeTheTokensRawOrAsItsSha256Hex() throws Exception {
        String raw = "r4nd0m";
        assertThat(verifier.verify(sign(claims().claim("nonce", raw).build(), key), trust, raw)).isNotNull();
        assertThat(verifier.verify(sign(claims().claim("nonce", IdTokenClaims.sha256Hex(raw + "2")).build(), key), trust,
                raw + "2")).isNotNull();
        refused(sign(claims().claim("nonce", raw + "3").build(), key), "other", Reason.NONCE_MISMATCH);
        refused(sign(claims().build(), key), raw + "4", Reason.NONCE_MISMATCH);
        refused(sign(claims().claim("nonce", IdTokenClaims.sha256Hex(raw + "5").toUpperCase()).build(), key), raw + "5",
                Reason.NONCE_MISMATCH);
    }

    @Test
    void aTokenWithANonceIsGoodOnceWhetherTheCallerSentTheNonceOrNot() throws Exception {
        String token = sign(claims().claim("nonce", "n-1").build(), key);

        verifier.verify(token, trust, "n-1");

        refused(token, "n-1", Reason.NONCE_REPLAYED);
        refused(token, null, Reason.NONCE_REPLAYED);
        String sameNonceOtherUser = sign(claims().subject("sub-2").claim("nonce", "n-1").build(), key);
        assertThat(verifier.verify(sameNonceOtherUser, trust, null).getSubject()).as("nonces are per user").isEqualTo("sub-2");
    }

    @Test
    void tokensWithoutANonceMayBeUsedAgainUntilTheyExpire() throws Exception {
        String token = sign(claims().build(), key);

        verifier.verify(token, trust, null);
        verifier.verify(token, trust, null);
        clock.advance(Duration.ofHours(2));
        refused(token, null, Reason.EXPIRED);
    }

    @Test
    void aKeySetThatCannotBeFetchedIsSaidApartAndFetchedKeysAreSharedAcrossCalls() throws Exception {
        String token = sign(claims().build(), key);
        jwks.set(null);
        refused(token, null, Reason.KEYS_UNAVAILABLE);

        jwks.set(new JWKSet(key.toPublicJWK()).toString());
        IdTokenVerifier fresh = new IdTokenVerifier(clock, retriever, new NonceLedger(100));
        int before = fetches.get();
        fresh.verify(token, trust, null);
        fresh.verify(sign(claims().subject("sub-9").build(), key), trust, null);
        assertThat(fetches.get() - before).as("one fetch, then the cache").isEqualTo(1);
    }

    @Test
    void garbageForAKeySetIsKeysUnavailable() throws Exception {
        jwks.set("<html>not keys</html>");

        refused(sign(claims().build(), key), null, Reason.KEYS_UNAVAILABLE);
    }
}
