package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
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
 * with a standard JWT library (nimbus's processor, none of Atrium's code), docs/architecture.md, Surfaces; docs/client-api.md, Tokens.
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
     * A resource server: discovery → JWKS URL → nimbus's generic DefaultJWTProcessor (key by kid
     * and alg ES256, signature, then iss, aud, sub, iat, exp). The verifiers of other stacks, and
     * EdDSA, are in the interop-tests module.
     */
    private JWTClaimsSet verifyAsResourceServer(String token) throws Exception {
        JsonNode discovery = server.send("GET", server.client("/app/" + server.appId() + "/.well-known/openid-configuration"),
                null, null).json();
        String issuer = discovery.get("issuer").asText();
        Http.Reply jwks = server.send("GET", discovery.get("jwks_uri").asText(), null, null);
        assertThat(jwks.status()).isEqualTo(200);
        JWKSet keys = JWKSet.parse(jwks.body());
        assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                JWKSourceBuilder.<SecurityContext>create(URI.create(discovery.get("jwks_uri").asText()).toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(server.appId(),
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp")));
        return processor.process(token, null);
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

    @Test
    void discoveryClaimsSupportedNamesEveryClaimOfAnAccessToken() {
        String token = server.guestLogin().get("access_token").asText();
        JsonNode discovery = server.send("GET", server.client("/app/" + server.appId() + "/.well-known/openid-configuration"),
                null, null).json();

        java.util.List<String> supported = new java.util.ArrayList<>();
        discovery.get("claims_supported").forEach(c -> supported.add(c.asText()));
        assertThat(supported).containsAll(Tokens.claims(token).getClaims().keySet());
    }
}
