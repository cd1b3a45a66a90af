package dev.atrium.core.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.auth.WebSignIn;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacebookWebSignInTest {
    @Test
    void theLoginDialogIsTheGraphVersionsUnlessConfiguredAndAsksForEmailAndPublicProfile() {
        Map<String, Object> config = Map.of("app_id", "123", "app_secret", "s", "graph_version", "v19.0");
        WebSignIn.Authorization request = new WebSignIn.Authorization(URI.create("https://auth.example.com/cb"), "st", "nn");

        assertThat(new FacebookWebSignIn(null).authorization(config, request).toString())
                .isEqualTo("https://www.facebook.com/v19.0/dialog/oauth?client_id=123&redirect_uri=https%3A%2F%2Fauth.example.com%2Fcb"
                        + "&response_type=code&scope=email%2Cpublic_profile&state=st");
        assertThat(FacebookSettings.from(Map.of("app_id", "1", "app_secret", "s", "dialog_url", "http://idp.internal/dialog"))
                .dialogUrl()).isEqualTo(URI.create("http://idp.internal/dialog"));
    }

    @Test
    void onlyTheGraphsInvalidCodeErrorRefusesTheCode() {
        assertThat(FacebookWebSignIn.CODE_REFUSED.test(Map.of("error", Map.of("type", "OAuthException", "code", 100)))).isTrue();
        assertThat(FacebookWebSignIn.CODE_REFUSED.test(Map.of("error", Map.of("type", "OAuthException", "code", 1))))
                .as("a wrong app secret is the setup's failure, not the person's").isFalse();
        assertThat(FacebookWebSignIn.CODE_REFUSED.test(Map.of("error", "invalid_grant"))).isFalse();
    }
}
