package dev.atrium.core.auth.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
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
        assertThat(s.web().configured()).as("no web redirect flow unless set up").isFalse();
        assertThat(s.web().allowedRedirects().isEmpty()).isTrue();
        assertThat(AppleSettings.SECRET_KEYS).as("only the web flow's signing key is secret").containsExactly("private_key_secret")
                .allMatch(dev.atrium.core.apps.SecretFields::isSecret);
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
                .hasMessage("client_ids must be a non-empty list of non-empty strings");
    }

    @Test
    void credentialsNeedAnIdTokenAndTakeAnOptionalNonce() {
        assertThat(AppleCredentials.of("t", "")).isEqualTo(new AppleCredentials("t", null));
        assertThat(AppleCredentials.of("t", "n").nonce()).isEqualTo("n");
        assertThatThrownBy(() -> AppleCredentials.of("", "n")).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MissingParameter));
    }
}
