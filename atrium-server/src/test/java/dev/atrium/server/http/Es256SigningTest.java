package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app rotated to ES256 (design §3: "any standard JWT library must verify them"): a resource
 * server using nimbus's generic DefaultJWTProcessor, which has no EdDSA, verifies its access
 * tokens from the JWKS alone; sessions signed before the rotation keep working.
 */
class Es256SigningTest {
    @TempDir
    Path dir;

    @Test
    void afterRotationToEs256AStandardProcessorVerifiesAccessTokensAndOldSessionsStillRefresh() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            String admin = server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/signing_keys/rotate";
            String token = Files.readString(dir.resolve("admin-token")).trim();
            JsonNode before = server.guestLogin();

            Http.Reply rotated = Http.send("POST", admin, token, "{\"alg\":\"ES256\"}");
            JsonNode after = server.guestLogin();

            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            assertThat(rotated.json().get("alg").asText()).isEqualTo("ES256");
            String access = after.get("access_token").asText();
            assertThat(SignedJWT.parse(access).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            JWTClaimsSet claims = verifyWithDefaultProcessor(server, access);
            assertThat(claims.getSubject()).isEqualTo(after.get("user_id").asText());

            Http.Reply refreshed = server.send("POST", server.client("/auth/session"), before.get("refresh_token").asText(), null);
            assertThat(refreshed.status()).as("a session from before the rotation refreshes (201, spec §5)").isEqualTo(201);
            assertThat(SignedJWT.parse(refreshed.json().get("access_token").asText()).getHeader().getAlgorithm())
                    .isEqualTo(JWSAlgorithm.ES256);
            Http.Reply oldAccess = server.send("GET", server.client("/auth/profile"), before.get("access_token").asText(), null);
            assertThat(oldAccess.status()).as("an EdDSA access token from before still verifies").isEqualTo(200);

            Http.Reply back = Http.send("POST", admin, token, "{\"alg\":\"EdDSA\"}");
            assertThat(back.json().get("alg").asText()).isEqualTo("EdDSA");
            assertThat(SignedJWT.parse(server.guestLogin().get("access_token").asText()).getHeader().getAlgorithm())
                    .isEqualTo(JWSAlgorithm.EdDSA);
        }
    }

    /** JWKS from discovery, then nimbus's generic processor: key selection by kid and alg, signature, claims. */
    private static JWTClaimsSet verifyWithDefaultProcessor(TestServer server, String access) throws Exception {
        JsonNode discovery = server.send("GET", server.client("/app/" + server.appId() + "/.well-known/openid-configuration"),
                null, null).json();
        JWKSet keys = JWKSet.parse(server.send("GET", discovery.get("jwks_uri").asText(), null, null).body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(server.appId(),
                new JWTClaimsSet.Builder().issuer(discovery.get("issuer").asText()).build(), Set.of("sub", "iat", "exp")));
        return processor.process(access, null);
    }
}
