package dev.atrium.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.delivery.WebhookSignature;
import dev.atrium.server.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle events reach the app's webhook signed, at least once, in order (docs/events.md). */
class EventDeliveryTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path dir;
    TestServer server;
    com.sun.net.httpserver.HttpServer receiver;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    record Delivery(String id, String type, String timestamp, String signature, byte[] body, int answered) {}

    @BeforeEach
    void start() throws Exception {
        receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
            deliveries.add(new Delivery(x.getRequestHeaders().getFirst("webhook-id"),
                    x.getRequestHeaders().getFirst("X-Atrium-Event"), x.getRequestHeaders().getFirst("webhook-timestamp"),
                    x.getRequestHeaders().getFirst("webhook-signature"), body, status));
            x.sendResponseHeaders(status, -1);
            x.close();
        });
        receiver.start();
        server = TestServer.sqlite(dir, c -> new AtriumConfig(c.host(), c.port(), c.publicUrl(), c.dataDir(), c.storeUrl(),
                c.storePoolSize(), c.storeConnectTimeout(), c.storeSchema(), c.cacheTtl(), c.hashing(), c.trustedProxies(),
                new AtriumConfig.Lifecycle(Duration.ZERO, 100, Duration.ZERO, 0, Duration.ofDays(7), Duration.ofMillis(50))));
        AppSettings d = AppSettings.DEFAULTS;
        server.atrium.store().apps().updateSettings(server.appId(), new AppSettings(d.accessTokenLifetime(),
                d.refreshTokenLifetime(), d.inactivity(), d.activityGranularity(), 100, 30, 0,
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events", SECRET, d.allowedOrigins(),
                d.throttling()));
    }

    @AfterEach
    void stop() {
        server.close();
        receiver.stop(0);
    }

    private void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s; deliveries: " + deliveries).isTrue();
    }

    private int attempts() {
        return server.atrium.store().events().recent(server.appId(), 1).get(0).attempts();
    }

    private long delivered() {
        return deliveries.stream().filter(d -> d.answered() == 204).count();
    }

    @Test
    void receiverFailingTwiceThenSucceedingGetsTheEventExactlyOnceMore() throws Exception {
        failuresLeft.set(2);
        server.guestLogin();

        await(() -> attempts() == 1);             // the failure is recorded: retry due in 1 s
        server.clock.advance(Duration.ofSeconds(1));
        await(() -> attempts() == 2);             // retry due in 2 s
        server.clock.advance(Duration.ofSeconds(2));
        await(() -> deliveries.size() == 3);
        server.clock.advance(Duration.ofMinutes(5));
        Thread.sleep(300);

        assertThat(deliveries).hasSize(3);
        assertThat(deliveries).extracting(Delivery::answered).containsExactly(500, 500, 204);
        assertThat(deliveries).extracting(Delivery::id).containsOnly(deliveries.get(0).id());
        assertThat(server.atrium.store().events().recent(server.appId(), 1).get(0).state()).isEqualTo("delivered");
    }

    @Test
    void deliveriesAreSignedWithTheAppSecretAndCarryTheDocumentedBody() throws Exception {
        JsonNode guest = server.guestLogin();
        server.send("DELETE", server.client("/auth/session"), guest.get("refresh_token").asText(), null);

        await(() -> delivered() == 2);

        Delivery deleted = deliveries.get(1);
        assertThat(deleted.timestamp()).isEqualTo(Long.toString(server.clock.instant().getEpochSecond()));
        assertThat(WebhookSignature.headers(SECRET, deleted.id(), Long.parseLong(deleted.timestamp()), deleted.body()))
                .containsEntry("webhook-signature", deleted.signature());
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(deleted.body(), StandardCharsets.UTF_8));
        assertThat(body.get("type").asText()).isEqualTo("user.deleted");
        assertThat(body.get("reason").asText()).isEqualTo("logout");
        assertThat(body.get("user_id").asText()).isEqualTo(guest.get("user_id").asText());
        assertThat(body.get("id").asText()).isEqualTo(deleted.id());
        assertThat(deliveries).extracting(Delivery::type).containsExactly("user.created", "user.deleted");
    }

    @Test
    void everyLifecycleChangeHasItsEvent() throws Exception {
        server.enable("local-userpass", java.util.Map.of());
        server.send("POST", server.provider("local-userpass", "register"), null, "{\"email\":\"a@b.co\",\"password\":\"secret1\"}");
        JsonNode guest = server.guestLogin();
        server.send("POST", server.provider("local-userpass", "login?link=true"), guest.get("access_token").asText(),
                "{\"username\":\"a@b.co\",\"password\":\"secret1\"}");
        JsonNode other = server.guestLogin();
        server.send("DELETE", server.client("/auth/delete"), other.get("access_token").asText(), null);

        await(() -> delivered() == 4);

        assertThat(server.atrium.store().events().recent(server.appId(), 10)).extracting(e -> e.type() + ":" + e.detail())
                .containsExactly("user.deleted:self", "user.created:anon-user", "user.linked:local-userpass", "user.created:anon-user");
    }
}
