package dev.atrium.core.auth.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppleSettingsTest {

    @Test
    void onlyTheClientIdsAreNeededTheRestDefaultsToApple() {
        AppleSettings s = AppleSettings.from(Map.of("client_ids", List.of("com.example.ios", "com.example.web")));

        assertThat(s.clientIds()).containsExactlyInAnyOrder("com.example.ios", "com.example.web");
        assertThat(s.jwksUrl()).isEqualTo(URI.create("https://appleid.apple.com/auth/keys"));
        assertThat(s.issuer()).isEqualTo("https://appleid.apple.com");
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.trust().issuers()).isEqualTo(Set.of("https://appleid.apple.com"));
        assertThat(new AppleProvider().settings().fields()).filteredOn(SettingField::secret).extracting(SettingField::name)
                .as("an ID token needs no secret; only the web redirect flow's signing key is one").containsExactly("private_key_secret");
        assertThat(s.web().configured()).as("no web redirect flow unless set up").isFalse();
    }

    @Test
    void everyEndpointAndTheIssuerCanBeChanged() {
        AppleSettings s = AppleSettings.from(Map.of("client_ids", List.of("a"), "jwks_url", "http://idp.internal/keys",
                "issuer", "https://idp.internal", "clock_skew_s", 0));

        assertThat(s.jwksUrl()).isEqualTo(URI.create("http://idp.internal/keys"));
        assertThat(s.issuer()).isEqualTo("https://idp.internal");
        assertThat(s.clockSkew()).isZero();
    }

    @Test
    void anEmptyClientIdListIsRefused() {
        assertThatThrownBy(() -> AppleSettings.from(Map.of("client_ids", List.of())))
                .hasMessage("client_ids must not be empty");
    }

    @Test
    void everyBadOrUnknownKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> AppleSettings.from(Map.of("client_ids", "com.example.app", "jwks_url", "file:///etc/passwd",
                "clock_skew_s", 900, "client_id", "typo")))
                .hasMessageContaining("client_ids must be a list of strings")
                .hasMessageContaining("jwks_url must be an http(s) URL with a host")
                .hasMessageContaining("clock_skew_s must be 0..300")
                .hasMessageContaining("client_id is not a setting");
    }

    @Test
    void aStoredConfigThatNoLongerPassesIsAMisconfiguredProviderAtLogin() {
        assertThatThrownBy(() -> StoredSettings.atLogin(AppleProvider.TYPE, () -> AppleSettings.from(Map.of())))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.AuthError);
                    assertThat(e.getMessage()).isEqualTo("oauth2-apple provider is misconfigured");
                    assertThat(e.detail()).isEqualTo("client_ids is required");
                });
    }

    @Test
    void credentialsNeedAnIdTokenAndTakeAnOptionalNonce() {
        assertThat(new AppleProvider().credentials(RequestFields.of(Map.of("id_token", "t", "nonce", "n"))))
                .isEqualTo(new AppleCredentials("t", "n"));
        assertThatThrownBy(() -> new AppleProvider().credentials(RequestFields.of(Map.of("id_token", 5))))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MissingParameter));
        assertThat(AppleCredentials.of("t", "")).isEqualTo(new AppleCredentials("t", null));
        assertThat(AppleCredentials.of("t", "n").nonce()).isEqualTo("n");
        assertThatThrownBy(() -> AppleCredentials.of("", "n")).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MissingParameter));
    }
}
