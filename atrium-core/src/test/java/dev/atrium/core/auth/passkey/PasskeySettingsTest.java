package dev.atrium.core.auth.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasskeySettingsTest {

    @Test
    void anRpIdAndItsOriginsAreEnoughAndTheNameDefaultsToTheApps() {
        PasskeySettings s = PasskeySettings.from(Map.of("rp_id", "example.com",
                "allowed_origins", List.of("https://example.com", "https://app.example.com:8443")));

        assertThat(s.rpId()).isEqualTo("example.com");
        assertThat(s.origins()).containsExactlyInAnyOrder("https://example.com", "https://app.example.com:8443");
        assertThat(s.rpNameOr("Blog")).isEqualTo("Blog");
        assertThat(PasskeySettings.from(Map.of("rp_id", "example.com", "allowed_origins", List.of("https://example.com"),
                "rp_name", "Example")).rpNameOr("Blog")).isEqualTo("Example");
    }

    @Test
    void localhostMayBeServedOverHttpAndAnAndroidAppBySignature() {
        PasskeySettings s = PasskeySettings.from(Map.of("rp_id", "localhost",
                "allowed_origins", List.of("http://localhost:5173", "android:apk-key-hash:Rl5Sd0T-kK1ceZ7wZ9Y2pQ")));

        assertThat(s.origins()).hasSize(2);
    }

    @Test
    void aRelyingPartyIdIsADomainNeverAnIpAddressOrAUrl() {
        for (String bad : List.of("127.0.0.1", "https://example.com", "Example.com", "exa mple.com", "example.com/")) {
            assertThatThrownBy(() -> PasskeySettings.from(Map.of("rp_id", bad, "allowed_origins", List.of("https://example.com"))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rp_id must be a lower-case domain name");
        }
    }

    @Test
    void everyBadOriginIsNamedAtOnce() {
        assertThatThrownBy(() -> PasskeySettings.from(Map.of("rp_id", "example.com", "allowed_origins", List.of(
                "https://example.org", "http://app.example.com", "https://example.com/login", "android:apk-key-hash:"))))
                .hasMessageContaining("https://example.org is not on rp_id example.com")
                .hasMessageContaining("http://app.example.com must be https")
                .hasMessageContaining("https://example.com/login must be scheme://host[:port]")
                .hasMessageContaining("android:apk-key-hash: names no key hash");
    }

    @Test
    void bothKeysAreRequiredTheOriginsNotEmptyAndUnknownKeysRefused() {
        assertThatThrownBy(() -> PasskeySettings.from(Map.of())).hasMessageContaining("rp_id").hasMessageContaining("allowed_origins");
        assertThatThrownBy(() -> PasskeySettings.from(Map.of("rp_id", "example.com", "allowed_origins", List.of())))
                .hasMessageContaining("allowed_origins must not be empty");
        assertThatThrownBy(() -> PasskeySettings.from(Map.of("rp_id", "example.com", "allowed_origins", List.of("https://example.com"),
                "timeout", 5))).hasMessageContaining("timeout");
    }

    @Test
    void theProviderIsNetworkThrottledAndRefusesTheLinkRouteButLogoutOnlyEndsTheSession() {
        PasskeyProvider provider = new PasskeyProvider();

        assertThat(provider.type()).isEqualTo("passkey");
        assertThat(provider.policy().linking().allowed()).isFalse();
        assertThat(provider.policy().linking().refusal()).contains("registering it");
        assertThat(provider.policy().logout()).isEqualTo(dev.atrium.core.auth.ProviderPolicy.Logout.ENDS_SESSION);
        assertThat(provider.settings().fields()).extracting(f -> f.name()).containsExactly("rp_id", "allowed_origins", "rp_name");
    }
}
