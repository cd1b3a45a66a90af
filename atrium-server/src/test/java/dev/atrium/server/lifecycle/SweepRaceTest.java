package dev.atrium.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.lifecycle.SweepRequest;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.PgSchema;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No race loses a live user: guests past the inactivity period are refreshed
 * and fetched while the sweeper runs. Every guest whose refresh or profile succeeded is still
 * there afterwards, and no call succeeds for a guest that is gone.
 */
class SweepRaceTest {
    static final int GUESTS = 60;

    @TempDir
    Path dir;

    @Test
    void onSqliteNoCallSucceedsForASweptGuestAndNoActiveGuestIsSwept() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            race(server);
        }
    }

    @Tag("postgres")
    @Test
    void onPostgresqlNoCallSucceedsForASweptGuestAndNoActiveGuestIsSwept() throws Exception {
        try (PgSchema pg = new PgSchema(); TestServer server = TestServer.on(dir, pg.url, pg.name)) {
            race(server);
        }
    }

    private void race(TestServer server) throws Exception {
        Instant now = server.clock.instant();
        dev.atrium.core.apps.AppSettings defaults = dev.atrium.core.apps.AppSettings.DEFAULTS;
        server.atrium.store().apps().updateSettings(server.appId(), new dev.atrium.core.apps.AppSettings(
                defaults.accessTokenLifetime(), Duration.ofDays(365), defaults.inactivity(), defaults.activityGranularity(), 10_000, 10_000, 0,
                null, null, defaults.allowedOrigins(),
                defaults.throttling())); // one test client makes all the sign-ups; long tokens survive the 91 days
        server.clock.set(now.minus(Duration.ofDays(91)));
        List<JsonNode> guests = new ArrayList<>();
        for (int i = 0; i < GUESTS; i++) {
            guests.add(Http.send("POST", server.provider("anon-user", "login"), null,
                    "{\"options\":{\"device\":{\"deviceId\":\"" + String.format("%024x", i + 1) + "\"}}}").json());
        }
        server.clock.set(now);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < GUESTS; i++) {
            JsonNode g = guests.get(i);
            boolean viaProfile = i % 2 == 0;
            calls.add(pool.submit(() -> {
                if (!viaProfile) {
                    return Http.send("POST", server.client("/auth/session"), g.get("refresh_token").asText(), null).status() == 201;
                }
                // the 91-day-old access token has expired: a fresh one, as the SDK would get, then the profile
                Http.Reply fresh = Http.send("POST", server.client("/auth/session"), g.get("refresh_token").asText(), null);
                return fresh.status() == 201 && Http.send("GET", server.client("/auth/profile"),
                        fresh.json().get("access_token").asText(), null).status() == 200;
            }));
        }
        Future<?> sweeping = pool.submit(() -> {
            for (int round = 0; round < 5; round++) {
                Atrium.sweeper(server.atrium.store(), server.clock).sweep(SweepRequest.everyApp(7, Duration.ZERO, 0), d -> { });
            }
            return null;
        });
        sweeping.get();
        int succeeded = 0;
        for (int i = 0; i < GUESTS; i++) {
            boolean ok = calls.get(i).get();
            boolean exists = server.atrium.store().users().find(server.appId(), guests.get(i).get("user_id").asText()).isPresent();
            assertThat(!ok || exists).as("guest %d: call succeeded but the guest was swept", i).isTrue();
            succeeded += ok ? 1 : 0;
        }
        pool.shutdown();
        Atrium.sweeper(server.atrium.store(), server.clock).sweep(SweepRequest.everyApp(100, Duration.ZERO, 0), d -> { });
        long remaining = guests.stream().filter(g -> server.atrium.store().users()
                .find(server.appId(), g.get("user_id").asText()).isPresent()).count();
        assertThat(remaining).as("exactly the guests whose call succeeded stay").isEqualTo(succeeded);
    }
}
