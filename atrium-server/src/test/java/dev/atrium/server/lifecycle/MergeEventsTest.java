package dev.atrium.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.delivery.WebhookSignature;
import dev.atrium.server.testing.Accounts;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge's events reach the app's webhook signed and in order per user (docs/events.md,
 * user.merged): the guest's {@code user.merged} always before its {@code user.deleted}, even when
 * the receiver refuses the first and its retries, so the app has moved the guest's data before it
 * hears the guest is gone.
 */
class MergeEventsTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestServer server;
    Accounts accounts;
    com.sun.net.httpserver.HttpServer receiver;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final AtomicInteger mergedFailuresLeft = new AtomicInteger();

    record Delivery(String id, String timestamp, String signature, byte[] raw, JsonNode body, int answered) {}

    @BeforeEach
    void start() throws Exception {
        receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", x -> {
            byte[] raw = x.getRequestBody().readAllBytes();
            JsonNode body = JSON.readTree(raw);
            int status = body.get("type").asText().equals("user.merged") && mergedFailuresLeft.getAndDecrement() > 0 ? 500 : 204;
            deliveries.add(new Delivery(x.getRequestHeaders().getFirst("webhook-id"), x.getRequestHeaders().getFirst("webhook-timestamp"),
                    x.getRequestHeaders().getFirst("webhook-signature"), raw, body, status));
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        receiver.start();
        server = TestServer.sqlite(dir, c -> new AtriumConfig(c.host(), c.port(), c.publicUrl(), c.dataDir(), c.storeUrl(),
                c.storePoolSize(), c.storeConnectTimeout(), c.storeSchema(), c.cacheTtl(), c.hashing(), c.trustedProxies(),
                new AtriumConfig.Lifecycle(Duration.ZERO, 100, Duration.ZERO, 0, Duration.ofDays(7), Duration.ofMillis(50))));
        server.enable("local-userpass", Map.of());
        accounts = new Accounts(server);
        Http.Reply set = accounts.admin("PATCH", "/settings", "{\"webhook_url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/events\",\"webhook_secret\":\"" + SECRET + "\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.stop(0);
    }

    private void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s; deliveries: " + deliveries).isTrue();
    }

    /**
     * Awaits {@code condition}, moving the server's clock a second on before each look. A single
     * move could come before the dispatcher has scheduled the retry from the failed answer (it reads
     * the clock after the receiver has answered), and the retry would then wait for a time that never
     * comes; the clock stops moving once the condition holds.
     */
    private void awaitAdvancing(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            server.clock.advance(Duration.ofSeconds(1));
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s; deliveries: " + deliveries).isTrue();
    }

    /** The deliveries about {@code userId}, as "type/status". */
    private List<String> of(String userId) {
        return deliveries.stream().filter(d -> d.body().get("user_id").asText().equals(userId))
                .map(d -> d.body().get("type").asText() + "/" + d.answered()).toList();
    }

    private String merge(JsonNode guest, String email) {
        String access = guest.get("access_token").asText();
        Http.Reply refused = server.send("POST", server.provider("local-userpass", "login?link=true"), access,
                Accounts.credentials(email, Accounts.PASSWORD));
        Http.Reply merged = server.send("POST", server.client("/app/" + server.appId() + "/auth/merge"), access,
                "{\"merge_ticket\":\"" + refused.json().get("merge_ticket").asText() + "\"}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        return merged.json().get("user_id").asText();
    }

    @Test
    void theMergedEventIsSignedAndNamesTheGuestTheUserItBecameAndTheProvider() throws Exception {
        Accounts.Held ann = accounts.emailUser("ann@example.com");
        JsonNode guest = server.guestLogin();
        String guestId = guest.get("user_id").asText();

        merge(guest, "ann@example.com");
        await(() -> of(guestId).contains("user.deleted/204"));

        Delivery merged = deliveries.stream().filter(d -> d.body().get("type").asText().equals("user.merged")).findFirst().orElseThrow();
        assertThat(WebhookSignature.headers(SECRET, merged.id(), Long.parseLong(merged.timestamp()), merged.raw()))
                .containsEntry("webhook-signature", merged.signature());
        assertThat(JSON.convertValue(merged.body(), Map.class)).containsOnlyKeys("id", "type", "app_id", "user_id", "occurred_at",
                "from", "into", "provider");
        assertThat(merged.body().get("id").asText()).isEqualTo(merged.id()).startsWith("evt_");
        assertThat(merged.body().get("user_id").asText()).isEqualTo(guestId);
        assertThat(merged.body().get("from").asText()).isEqualTo(guestId);
        assertThat(merged.body().get("into").asText()).isEqualTo(ann.userId());
        assertThat(merged.body().get("provider").asText()).isEqualTo("local-userpass");
        assertThat(merged.body().get("app_id").asText()).isEqualTo(server.appId());
        Delivery deleted = deliveries.stream().filter(d -> d.body().get("type").asText().equals("user.deleted")).findFirst().orElseThrow();
        assertThat(deleted.body().get("reason").asText()).isEqualTo("merged");
        assertThat(new String(deleted.raw(), StandardCharsets.UTF_8)).doesNotContain("\"into\"");
    }

    @Test
    void theGuestsDeletionWaitsUntilItsMergedEventIsDeliveredWhateverTheRetries() throws Exception {
        accounts.emailUser("ann@example.com");
        mergedFailuresLeft.set(2);
        JsonNode guest = server.guestLogin();
        String guestId = guest.get("user_id").asText();
        await(() -> of(guestId).contains("user.created/204"));

        merge(guest, "ann@example.com");
        await(() -> of(guestId).contains("user.merged/500"));
        awaitAdvancing(() -> of(guestId).stream().filter("user.merged/500"::equals).count() == 2);
        Thread.sleep(300); // a pass or more while user.merged waits for its retry: user.deleted must not go out
        assertThat(of(guestId)).doesNotContain("user.deleted/204");
        awaitAdvancing(() -> of(guestId).contains("user.deleted/204"));

        assertThat(of(guestId)).containsExactly("user.created/204", "user.merged/500", "user.merged/500", "user.merged/204",
                "user.deleted/204");
        assertThat(deliveries.stream().filter(d -> d.body().get("type").asText().equals("user.merged")).map(Delivery::id).distinct())
                .as("every attempt carries the same webhook-id").hasSize(1);
    }
}
