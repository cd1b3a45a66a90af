package dev.atrium.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.ThrottleSettings;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.kernel.TooManyRequestsException;
import dev.atrium.core.kernel.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final Throttle throttle = new Throttle(Telemetry.NONE, clock);
    final App app = app("app-1", ThrottleSettings.DEFAULTS);

    static App app(String id, ThrottleSettings throttling) {
        return new App(id, id, Instant.EPOCH, AppSettings.DEFAULTS.withThrottling(throttling));
    }

    private void fail(App a, String email, int times) {
        for (int i = 0; i < times; i++) {
            throttle.passwordAttempt(a, email); // reserved and never settled: a failed password
        }
    }

    private static void assertLocked(Runnable attempt, Duration wait) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.TooManyRequests);
            assertThat(e.retryAfter()).isEqualTo(wait);
        });
    }

    @Test
    void tenFailuresLockTheAccountForNinetySecondsAThenOneMoreAttempt() {
        fail(app, "ann@example.com", 10);

        assertLocked(() -> throttle.passwordAttempt(app, "ann@example.com"), Duration.ofSeconds(90));
        clock.advance(Duration.ofSeconds(90));
        throttle.passwordAttempt(app, "ann@example.com");
        assertLocked(() -> throttle.passwordAttempt(app, "ann@example.com"), Duration.ofSeconds(90));
    }

    @Test
    void aSuccessFillsTheAccountsBucketAndAnAbandonedAttemptGivesItsTokenBack() {
        fail(app, "ann@example.com", 9);
        throttle.passwordAttempt(app, "ann@example.com").succeeded();
        fail(app, "ann@example.com", 10);
        assertLocked(() -> throttle.passwordAttempt(app, "ann@example.com"), Duration.ofSeconds(90));

        fail(app, "bob@example.com", 9);
        throttle.passwordAttempt(app, "bob@example.com").abandoned();
        throttle.passwordAttempt(app, "bob@example.com");
        assertLocked(() -> throttle.passwordAttempt(app, "bob@example.com"), Duration.ofSeconds(90));
    }

    @Test
    void accountsAddressesAndNetworksAreCountedPerAppAndApart() {
        App other = app("app-2", ThrottleSettings.DEFAULTS);
        fail(app, "ann@example.com", 10);
        for (int i = 0; i < 3; i++) {
            throttle.message(app, "ann@example.com");
        }
        for (int i = 0; i < 30; i++) {
            throttle.route(app, Throttle.Route.TOKEN_CHECK, "198.51.100.7");
        }

        assertLocked(() -> throttle.message(app, "ann@example.com"), Duration.ofMinutes(20));
        assertLocked(() -> throttle.route(app, Throttle.Route.TOKEN_CHECK, "198.51.100.7"), Duration.ofSeconds(1));
        throttle.passwordAttempt(other, "ann@example.com");
        throttle.message(other, "ann@example.com");
        throttle.route(app, Throttle.Route.REGISTER, "198.51.100.7");
        throttle.login(app, "local-userpass", "198.51.100.7");
        throttle.route(app, Throttle.Route.TOKEN_CHECK, "198.51.100.8");
    }

    @Test
    void loginsAreCountedPerProvider() {
        App small = app("app-3", new ThrottleSettings(40, 10, 3, 3, 60, 2));
        throttle.login(small, "api-key", "10.0.0.1");
        throttle.login(small, "api-key", "10.0.0.1");

        assertLocked(() -> throttle.login(small, "api-key", "10.0.0.1"), Duration.ofSeconds(1));
        throttle.login(small, "local-userpass", "10.0.0.1");
    }
}
