package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource server that knows only the discovery document and the JWKS verifies access tokens
 * with a standard JWT library (nimbus's processor, none of Atrium's code), design §2–§3.
 */
class JwksVerificationTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * A resource server: discovery → JWKS → the key named by the token's kid → nimbus's own
     * Ed25519 verifier and claims verifier (required iss, aud, sub, iat, exp). Nimbus's generic
     * DefaultJWTProcessor cannot be used: its key selector converts JWKs to java.security keys,
     * which OKP/Ed25519 keys are not.
     */
    private JWTClaimsSet verifyAsResourceServer(String token) throws Exception {
        JsonNode discovery = server.send("GET", server.client("/app/" + server.appId() + "/.well-known/openid-configuration"),
                null, null).json();
        String issuer = discovery.get("issuer").asText();
        Http.Reply jwks = server.send("GET", discovery.get("jwks_uri").asText(), null, null);
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.body());
        assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        OctetKeyPair key = (OctetKeyPair) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null || !jwt.verify(new Ed25519Verifier(key))) {
            throw new BadJOSEException("signature does not verify against the JWKS");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        new DefaultJWTClaimsVerifier<SecurityContext>(server.appId(),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp")).verify(claims, null);
        return claims;
    }

    @Test
    void accessTokenVerifiesFromJwksAloneWithAStandardLibrary() throws Exception {
        JsonNode guest = server.guestLogin();

        JWTClaimsSet claims = verifyAsResourceServer(guest.get("access_token").asText());

        assertThat(claims.getSubject()).isEqualTo(guest.get("user_id").asText());
        assertThat(claims.getBooleanClaim("is_anonymous")).isTrue();
    }

    @Test
    void forgedTokenFailsVerificationFromJwks() {
        String token = server.guestLogin().get("access_token").asText();
        String forged = Tokens.signWithForeignKey(Tokens.kid(token), Tokens.claims(token));

        assertThatThrownBy(() -> verifyAsResourceServer(forged)).isInstanceOf(BadJOSEException.class);
    }

    @Test
    void discoveryIssuerEqualsTheTokensIssuer() {
        String token = server.guestLogin().get("access_token").asText();
        JsonNode discovery = server.send("GET", server.client("/app/" + server.appId() + "/.well-known/openid-configuration"),
                null, null).json();

        assertThat(discovery.get("issuer").asText()).isEqualTo(Tokens.claims(token).getIssuer());
    }
}
