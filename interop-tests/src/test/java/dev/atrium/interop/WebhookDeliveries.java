package dev.atrium.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.HostileReceiver;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real deliveries of a running server (SQLite) to a receiver on loopback: a lifecycle event ({@code user.created} of a guest) and a local-userpass
 * confirmation call, as the Standard Webhooks libraries get them.
 */
final class WebhookDeliveries {
    /** A secret in the specification's form (whsec_ + the base64 of 32 bytes). */
    static final String SECRET = "whsec_q6uZJ9ph0W0AobbzY2QbBa0wBNxQc7Y2cKYN9S0MLIs=";

    private WebhookDeliveries() {}

    /** The event delivery and the userpass call, in that order, signed with {@link #SECRET}. */
    static List<HostileReceiver.Request> capture(Path dir) throws Exception {
        return capture(dir, SECRET);
    }

    /** The same, signed with {@code secret}. */
    static List<HostileReceiver.Request> capture(Path dir, String secret) throws Exception {
        try (TestServer server = TestServer.sqlite(dir);
             HostileReceiver events = HostileReceiver.start(HostileReceiver.answer(204, ""));
             HostileReceiver userpass = HostileReceiver.start(HostileReceiver.answer(200, "{}"))) {
            String admin = Files.readString(dir.resolve("admin-token")).trim();
            String app = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
            Http.Reply settings = Http.send("PATCH", app + "/settings", admin,
                    "{\"webhook_url\":\"" + events.url("/events") + "\",\"webhook_secret\":\"" + secret + "\"}");
            assertThat(settings.status()).as(settings.body()).isEqualTo(200);
            Http.Reply provider = Http.send("PUT", app + "/providers/local-userpass", admin,
                    "{\"enabled\":true,\"config\":{\"confirmation\":\"webhook\",\"webhook_url\":\"" + userpass.url("/hook")
                            + "\",\"webhook_secret\":\"" + secret + "\"}}");
            assertThat(provider.status()).as(provider.body()).isEqualTo(200);

            server.guestLogin();
            Http.Reply registered = server.send("POST", server.provider("local-userpass", "register"), null,
                    "{\"email\":\"ann@example.com\",\"password\":\"secret1\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while ((events.requests.isEmpty() || userpass.requests.isEmpty()) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(events.requests).as("the event delivery").isNotEmpty();
            assertThat(userpass.requests).as("the userpass call").isNotEmpty();
            return List.of(events.requests.getFirst(), userpass.requests.getFirst());
        }
    }

    /** A guest merged into the user of an e-mail: what the app's receiver then gets. */
    record Merge(String guestId, String holderId, List<HostileReceiver.Request> deliveries) {}

    /**
     * Real deliveries of a merge, signed with {@link #SECRET}, in the order they came: the holder's
     * and the guest's {@code user.created}, the guest's {@code user.merged}, then its {@code user.deleted}.
     */
    static Merge captureMerge(Path dir) throws Exception {
        try (TestServer server = TestServer.sqlite(dir);
             HostileReceiver events = HostileReceiver.start(HostileReceiver.answer(204, ""))) {
            String admin = Files.readString(dir.resolve("admin-token")).trim();
            String app = server.baseUrl() + "/api/admin/v1/apps/" + server.appId();
            Http.Reply settings = Http.send("PATCH", app + "/settings", admin,
                    "{\"webhook_url\":\"" + events.url("/events") + "\",\"webhook_secret\":\"" + SECRET + "\"}");
            assertThat(settings.status()).as(settings.body()).isEqualTo(200);
            server.enable("local-userpass", Map.of());
            String credentials = "{\"username\":\"ann@example.com\",\"password\":\"secret1\"}";
            server.send("POST", server.provider("local-userpass", "register"), null,
                    "{\"email\":\"ann@example.com\",\"password\":\"secret1\"}");
            String holder = server.send("POST", server.provider("local-userpass", "login"), null, credentials).json()
                    .get("user_id").asText();
            var guest = server.guestLogin();
            String access = guest.get("access_token").asText();
            Http.Reply refused = server.send("POST", server.provider("local-userpass", "login?link=true"), access, credentials);
            Http.Reply merged = server.send("POST", server.client("/app/" + server.appId() + "/auth/merge"), access,
                    "{\"merge_ticket\":\"" + refused.json().get("merge_ticket").asText() + "\"}");
            assertThat(merged.status()).as(merged.body()).isEqualTo(200);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (events.requests.size() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(events.requests).as("created (twice), merged, deleted").hasSize(4);
            return new Merge(guest.get("user_id").asText(), holder, List.copyOf(events.requests));
        }
    }

    /** The three Standard Webhooks headers of {@code r}. */
    static Map<String, String> headers(HostileReceiver.Request r) {
        return Map.of("webhook-id", r.header("webhook-id"), "webhook-timestamp", r.header("webhook-timestamp"),
                "webhook-signature", r.header("webhook-signature"));
    }
}
