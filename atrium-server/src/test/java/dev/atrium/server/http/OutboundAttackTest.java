package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.server.config.AtriumConfig.OutboundPolicy;
import dev.atrium.server.outbound.Destinations;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.HostileReceiver;
import dev.atrium.server.testing.TestServer;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team's findings, replayed against a running server: hostile receivers on loopback
 * answer Atrium's outbound calls (userpass webhooks, event webhooks, the custom-token JWKS, SMTP)
 * with a gibibyte, a drip, a redirect or silence. Each call is cut, the anonymous caller gets the
 * documented error and nothing internal, and the server keeps serving.
 */
class OutboundAttackTest {
    static final String DELIVERY_FAILED = "could not deliver the message to the app's mail server or webhook; nothing was changed";
    static final String KEYS_UNAVAILABLE = "custom token not verified: the provider's key set could not be fetched";
    static final Duration DEADLINE = Duration.ofSeconds(2);
    static final long GIB = 1L << 30;

    @TempDir
    Path dir;
    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(Destinations destinations) {
        server = TestServer.sqlite(dir, c -> c.withOutbound(new OutboundPolicy(DEADLINE, destinations)));
        // Several messages to one address in a row: the per-address limit (MessageFloodTest) is not this test's subject.
        dev.atrium.server.app.Atrium.appAdmin(server.atrium.store(), java.time.Clock.systemUTC())
                .patchSettings(server.appId(), Map.of("email_burst", 1_000, "email_rate_per_hour", 1_000));
    }

    /**
     * Webhook mode with App Services' answers ({@code reveal_unknown_email}): the delivery runs
     * before the answer, so what the caller sees is the delivery's fate (by default it runs after
     * a 204 and fails only in the log).
     */
    private void webhookMode(String url) {
        server.enable("local-userpass", Map.of("confirmation", "webhook", "reset", "webhook", "webhook_url", url,
                "webhook_secret", "hook-secret", "reveal_unknown_email", true));
    }

    private Http.Reply post(String route, String body) {
        return server.send("POST", server.provider("local-userpass", route), null, body);
    }

    private Http.Reply register(String email) {
        return post("register", "{\"email\":\"" + email + "\",\"password\":\"secret1\"}");
    }

    /** The documented DeliveryFailed, word for word, and nothing that names the receiver or Atrium's insides. */
    private static void assertGenericDeliveryFailure(Http.Reply r, HostileReceiver receiver) {
        assertThat(r.status()).as(r.body()).isEqualTo(502);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo("DeliveryFailed");
        assertThat(r.json().get("error").asText()).isEqualTo(DELIVERY_FAILED);
        assertNothingInternal(r, receiver);
    }

    private static void assertNothingInternal(Http.Reply r, HostileReceiver receiver) {
        assertThat(r.body()).doesNotContain("127.0.0.1", "::1", "localhost", "http:", "HTTP", "Exception", "webhook_url",
                "jwks", "RECEIVER", String.valueOf(receiver.port()));
    }

    /** A guest login and the liveness probe answer right after. */
    private void assertStillServing() {
        assertThat(server.guestLogin().get("access_token").asText()).isNotEmpty();
        assertThat(server.send("GET", server.baseUrl() + "/health/live", null, null).status()).isEqualTo(200);
    }

    @Test
    void userpassWebhookAnsweringAGibibyteIsCutAtTheCapOnEveryRouteAndTheServerKeepsServing() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver hook = HostileReceiver.start(HostileReceiver.answer(200, "{}"))) {
            webhookMode(hook.url("/hook"));
            assertThat(register("ann@example.com").status()).isEqualTo(201);
            hook.behave(HostileReceiver.hugeChunkedBody(GIB));

            for (String[] call : List.of(new String[] {"register", "{\"email\":\"bob@example.com\",\"password\":\"secret1\"}"},
                    new String[] {"confirm/send", "{\"email\":\"ann@example.com\"}"},
                    new String[] {"confirm/call", "{\"email\":\"ann@example.com\"}"},
                    new String[] {"reset/send", "{\"email\":\"ann@example.com\"}"},
                    new String[] {"reset/call", "{\"email\":\"ann@example.com\",\"password\":\"newpass1\",\"arguments\":[]}"})) {
                assertGenericDeliveryFailure(post(call[0], call[1]), hook);
            }

            hook.hungUp.await();
            assertThat(hook.bytesWritten.get()).as("five answers of a GiB each, each dropped near 64 KiB").isLessThan(5 * (64L << 20));
            assertThat(server.count("userpass")).as("bob was not registered").isEqualTo(1);
            assertStillServing();
        }
    }

    @Test
    void eventWebhookAnsweringAGibibyteIsRecordedAsTooLargeForTheOperator() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver hook = HostileReceiver.start(HostileReceiver.hugeChunkedBody(GIB))) {
            AppSettings d = AppSettings.DEFAULTS;
            server.atrium.store().apps().updateSettings(server.appId(), new AppSettings(d.accessTokenLifetime(),
                    d.refreshTokenLifetime(), d.inactivity(), d.activityGranularity(), 100, 30, 0, hook.url("/events"), "s",
                    d.allowedOrigins(), d.throttling()));
            server.guestLogin();

            JsonNode event = awaitFailedEvent();
            assertThat(event.get("last_error").asText()).startsWith("TOO_LARGE");
            assertThat(hook.bytesWritten.get()).isLessThan(64L << 20);
            assertStillServing();
        }
    }

    private JsonNode awaitFailedEvent() throws Exception {
        String token = Files.readString(dir.resolve("admin-token")).trim();
        String url = server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + "/events";
        for (int i = 0; i < 200; i++) {
            for (JsonNode e : Http.send("GET", url, token, null).json()) {
                if (e.get("attempts").asInt() > 0) {
                    return e;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no failed delivery recorded: " + Http.send("GET", url, token, null).body());
    }

    @Test
    void webhookDrippingAByteASecondIsCutAtTheDeadlineWhileOtherRequestsAreServed() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver hook = HostileReceiver.start(HostileReceiver.drip(Duration.ofSeconds(1)))) {
            webhookMode(hook.url("/hook"));
            CompletableFuture<Http.Reply> held = CompletableFuture.supplyAsync(() -> register("ann@example.com"));
            hook.dripping.await();

            assertStillServing();
            assertThat(held).as("the dripped register is still held while others are served").isNotDone();
            assertGenericDeliveryFailure(held.get(), hook);
            hook.hungUp.await();
            assertThat(hook.dripped.get()).as("bytes dripped before the cut, of 64 promised").isLessThan(64);
        }
    }

    @Test
    void redirectingWebhookIsNotFollowedAndItsTargetSeesNoRequest() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver target = HostileReceiver.start(HostileReceiver.answer(200, "{}"));
             HostileReceiver hook = HostileReceiver.start(HostileReceiver.redirectTo(target.url("/internal-admin")))) {
            webhookMode(hook.url("/hook"));

            assertGenericDeliveryFailure(register("ann@example.com"), hook);
            assertThat(hook.hits.get()).isEqualTo(1);
            assertThat(target.hits.get()).isZero();
        }
    }

    @Test
    void receiverErrorTextNeverReachesTheCaller() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver hook = HostileReceiver.start(HostileReceiver.answer(500,
                "{\"error\":\"RECEIVER stack trace: NullPointerException at db.internal:5432\"}"))) {
            webhookMode(hook.url("/hook"));

            Http.Reply r = register("ann@example.com");

            assertGenericDeliveryFailure(r, hook);
            assertThat(r.body()).doesNotContain("db.internal", "500", "NullPointer");
        }
    }

    @Test
    void smtpServerThatAcceptsAndNeverSpeaksIsCutAtTheDeadline() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver smtp = HostileReceiver.start(HostileReceiver.silent())) {
            server.enable("local-userpass", Map.of("confirmation", "email", "confirm_url", "https://app.example/confirm",
                    "smtp", Map.of("host", "127.0.0.1", "port", smtp.port(), "from", "auth@app.example")));

            assertGenericDeliveryFailure(register("ann@example.com"), smtp);
            smtp.hungUp.await();
            assertThat(smtp.hits.get()).isEqualTo(1);
            assertStillServing();
        }
    }

    private static String token(ECKey key) throws Exception {
        Date now = new Date();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject("u-1").audience("my-app").issuer("https://id.example")
                        .issueTime(now).expirationTime(new Date(now.getTime() + 300_000)).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private Http.Reply customTokenLogin(String jwksUrl, ECKey key) throws Exception {
        server.enable("custom-token", Map.of("jwks_url", jwksUrl, "audience", "my-app", "issuer", "https://id.example",
                "algorithms", List.of("ES256")));
        return server.send("POST", server.provider("custom-token", "login"), null, "{\"token\":\"" + token(key) + "\"}");
    }

    private static void assertKeysUnavailable(Http.Reply r, HostileReceiver receiver) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo("AuthError");
        assertThat(r.json().get("error").asText()).isEqualTo(KEYS_UNAVAILABLE);
        assertNothingInternal(r, receiver);
    }

    @Test
    void customTokenJwksThatRedirectsOrAnswersAGibibyteRefusesTheLoginAndTheServerKeepsServing() throws Exception {
        start(Destinations.ANY);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        try (HostileReceiver honest = HostileReceiver.start(HostileReceiver.answer(200, jwks));
             HostileReceiver redirecting = HostileReceiver.start(HostileReceiver.redirectTo(honest.url("/jwks.json")));
             HostileReceiver huge = HostileReceiver.start(HostileReceiver.hugeChunkedBody(GIB))) {
            assertKeysUnavailable(customTokenLogin(redirecting.url("/jwks.json"), key), redirecting);
            assertThat(honest.hits.get()).as("the redirect's target").isZero();

            assertKeysUnavailable(customTokenLogin(huge.url("/jwks.json"), key), huge);
            huge.hungUp.await();
            assertThat(huge.bytesWritten.get()).isLessThan(64L << 20);

            assertThat(customTokenLogin(honest.url("/jwks.json"), key).status()).as("the same key set, served plainly")
                    .isEqualTo(200);
            assertStillServing();
        }
    }

    @Test
    void withPrivateDestinationsRefusedLoopbackReceiversAreNeverCalled() throws Exception {
        start(Destinations.PUBLIC_ONLY);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        try (HostileReceiver v4 = HostileReceiver.start(HostileReceiver.answer(200, new JWKSet(key.toPublicJWK()).toString()));
             HostileReceiver v6 = HostileReceiver.on(InetAddress.getByName("::1"), HostileReceiver.answer(200, "{}"))) {
            webhookMode(v4.url("/hook"));
            assertGenericDeliveryFailure(register("ann@example.com"), v4);
            webhookMode(v6.url("/hook"));
            assertGenericDeliveryFailure(register("ann@example.com"), v6);
            webhookMode("http://localhost:" + v4.port() + "/hook");
            assertGenericDeliveryFailure(register("ann@example.com"), v4);
            server.enable("local-userpass", Map.of("confirmation", "email", "confirm_url", "https://app.example/confirm",
                    "smtp", Map.of("host", "127.0.0.1", "port", v4.port(), "from", "auth@app.example")));
            assertGenericDeliveryFailure(register("ann@example.com"), v4);
            assertKeysUnavailable(customTokenLogin(v4.url("/jwks.json"), key), v4);

            assertThat(v4.hits.get() + v6.hits.get()).isZero();
            assertThat(server.count("userpass")).isZero();
        }
    }

    @Test
    void withPrivateDestinationsAllowedByDefaultALoopbackWebhookWorks() throws Exception {
        start(Destinations.ANY);
        try (HostileReceiver hook = HostileReceiver.start(HostileReceiver.answer(200, "{}"))) {
            webhookMode(hook.url("/hook"));

            assertThat(register("ann@example.com").status()).isEqualTo(201);
            assertThat(hook.requests.getFirst().body()).isNotEmpty();
        }
    }
}
