package dev.atrium.core.auth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.auth.WebSignIn;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoogleWebSignInTest {
    static final WebSignIn.Authorization REQUEST = new WebSignIn.Authorization(URI.create("https://auth.example.com/cb"), "st", "nn");

    @Test
    void theAuthorizationAsksGoogleForOpenIdEmailAndProfileWithTheStateAndNonce() {
        Map<String, Object> config = Map.of("client_id", "1-web.apps.googleusercontent.com", "client_secret", "s",
                "allowed_redirect_urls", List.of("https://app.example.com/auth"));

        assertThat(new GoogleWebSignIn(null).authorization(config, REQUEST).toString())
                .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth?client_id=1-web.apps.googleusercontent.com"
                        + "&redirect_uri=https%3A%2F%2Fauth.example.com%2Fcb&response_type=code&scope=openid%20email%20profile"
                        + "&state=st&nonce=nn");
        assertThat(new GoogleWebSignIn(null).allowedRedirects(config).allows("https://app.example.com/auth")).isTrue();
    }

    @Test
    void withoutAClientSecretNoBrowserIsSentToGoogle() {
        assertThatThrownBy(() -> new GoogleWebSignIn(null).authorization(Map.of("client_id", "1"), REQUEST))
                .hasMessage(GoogleCodeExchange.NO_SECRET);
    }

    @Test
    void theAuthorizationEndpointCanBeChangedAndABadAllowListIsNamed() {
        assertThat(GoogleSettings.from(Map.of("client_id", "1", "auth_url", "http://idp.internal/auth")).authUrl())
                .isEqualTo(URI.create("http://idp.internal/auth"));
        assertThatThrownBy(() -> GoogleSettings.from(Map.of("client_id", "1", "allowed_redirect_urls", List.of("https://a/#x"))))
                .hasMessageContaining("allowed_redirect_urls: 'https://a/#x'");
    }
}
