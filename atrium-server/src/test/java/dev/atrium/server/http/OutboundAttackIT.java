package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.server.testing.HostileReceiver;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team's exact finding, on a node as operators run it: the packaged jar with the launcher's
 * heap (512 MiB, serial GC), configured through the admin API, receivers answering a gibibyte each.
 * Before the outbound limits this exhausted the heap; now every call is cut at its cap, the node
 * keeps serving guests and ends on SIGTERM.
 */
class OutboundAttackIT {
    static final List<String> LAUNCHER_HEAP = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx512m");

    @Test
    void gibibyteAnswersFromAWebhookAndAJwksLeaveANodeOnTheLaunchersHeapServingAndStoppable(@TempDir Path dir) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        try (HostileReceiver huge = HostileReceiver.start(HostileReceiver.hugeChunkedBody(1L << 30));
             NodeProcess node = NodeProcess.launch(LAUNCHER_HEAP, "--data-dir", dir.toString(), "--outbound-deadline", "10s")
                     .awaitReady()) {
            String admin = Files.readString(dir.resolve("admin-token")).trim();
            String providers = node.baseUrl() + "/api/admin/v1/apps/" + node.appId() + "/providers/";
            assertThat(Http.send("PUT", providers + "local-userpass", admin, "{\"enabled\":true,\"config\":{"
                    + "\"confirmation\":\"webhook\",\"reset\":\"webhook\",\"webhook_url\":\"" + huge.url("/hook")
                    + "\",\"webhook_secret\":\"s\"}}").status()).isEqualTo(200);
            assertThat(Http.send("PUT", providers + "custom-token", admin, "{\"enabled\":true,\"config\":{"
                    + "\"jwks_url\":\"" + huge.url("/jwks.json") + "\",\"audience\":\"a\",\"issuer\":\"https://id.example\","
                    + "\"algorithms\":[\"ES256\"]}}").status()).isEqualTo(200);
            String client = node.baseUrl() + "/api/client/v2.0/app/" + node.appId() + "/auth/providers/";

            for (int i = 0; i < 4; i++) {
                Http.Reply register = Http.send("POST", client + "local-userpass/register", null,
                        "{\"email\":\"u" + i + "@example.com\",\"password\":\"secret1\"}");
                Http.Reply login = Http.send("POST", client + "custom-token/login", null, "{\"token\":\"" + token(key) + "\"}");
                assertThat(register.status()).as(register.body()).isEqualTo(502);
                assertThat(register.json().get("error").asText()).isEqualTo(OutboundAttackTest.DELIVERY_FAILED);
                assertThat(login.status()).as(login.body()).isEqualTo(401);
                assertThat(login.json().get("error").asText()).isEqualTo(OutboundAttackTest.KEYS_UNAVAILABLE);
            }

            assertThat(Http.guestLogin(node.baseUrl(), node.appId()).get("access_token").asText()).isNotEmpty();
            assertThat(Http.send("GET", node.baseUrl() + "/health/live", null, null).status()).isEqualTo(200);
            assertThat(huge.bytesWritten.get()).as("eight gibibyte answers, each dropped near its cap").isLessThan(8 * (64L << 20));
            assertThat(node.terminate(Duration.ofSeconds(20))).as("SIGTERM ends the node\n" + node.output()).isTrue();
            assertThat(node.output()).doesNotContain("OutOfMemoryError");
        }
    }

    private static String token(ECKey key) throws Exception {
        Date now = new Date();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("u-1").audience("a").issuer("https://id.example")
                        .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
