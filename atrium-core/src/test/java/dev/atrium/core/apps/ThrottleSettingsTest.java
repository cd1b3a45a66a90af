package dev.atrium.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThrottleSettingsTest {
    @Test
    void defaultsAreTenFailuresThenTenPerQuarterHourThreeMessagesAnHourAndSixtyRequestsAMinute() {
        ThrottleSettings d = ThrottleSettings.DEFAULTS;

        assertThat(d.loginFailures()).isEqualTo(new RateLimit(10, 40, Duration.ofHours(1)));
        assertThat(d.emails()).isEqualTo(new RateLimit(3, 3, Duration.ofHours(1)));
        assertThat(d.network()).isEqualTo(new RateLimit(30, 60, Duration.ofMinutes(1)));
    }

    @Test
    void aSettingsDocumentRoundTripsAndAnOldOneWithoutTheKeysReadsAsTheDefaults() {
        ThrottleSettings s = new ThrottleSettings(1, 2, 3, 4, 5, 6);
        Map<String, Object> m = new LinkedHashMap<>();
        s.putInto(m);

        assertThat(m).containsOnlyKeys(ThrottleSettings.KEYS);
        assertThat(ThrottleSettings.fromMap(m)).isEqualTo(s);
        assertThat(ThrottleSettings.fromMap(Map.of("guest_burst", 30))).isEqualTo(ThrottleSettings.DEFAULTS);
        assertThat(AppSettings.fromMap(AppSettings.DEFAULTS.withThrottling(s).toMap()).throttling()).isEqualTo(s);
    }

    @Test
    void aPatchChangesTheKeysGivenAndNamesEveryBadOne() {
        ThrottleSettings patched = ThrottleSettings.DEFAULTS.patched(Map.of("email_burst", 5, "network_rate_per_minute", 1_000_000));

        assertThat(patched.emailBurst()).isEqualTo(5);
        assertThat(patched.networkRatePerMinute()).isEqualTo(1_000_000);
        assertThat(patched.loginFailureBurst()).isEqualTo(10);
        assertThatThrownBy(() -> ThrottleSettings.DEFAULTS.patched(Map.of("login_failure_burst", 0, "email_burst", 2.5,
                "network_burst", 4_294_967_297L, "email_rate_per_hour", "3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("login_failure_burst must be a whole number in 1..1000000")
                .hasMessageContaining("email_burst must be a whole number in 1..1000000")
                .hasMessageContaining("network_burst must be a whole number in 1..1000000")
                .hasMessageContaining("email_rate_per_hour must be a whole number in 1..1000000");
    }
}
