package dev.atrium.core.auth.facebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.apps.SettingField;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacebookSettingsTest {

    @Test
    void theGraphApiDefaultsToFacebooksAndUrlsCarryTheVersion() {
        FacebookSettings s = FacebookSettings.from(Map.of("app_id", "123", "app_secret", "shh"));

        assertThat(s.graphUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
        assertThat(s.graph("debug_token", Map.of("input_token", "a b&c")))
                .isEqualTo(URI.create("https://graph.facebook.com/" + FacebookSettings.DEFAULT_VERSION + "/debug_token?input_token=a+b%26c"));
        assertThat(s.appAccessToken()).isEqualTo("123|shh");
    }

    @Test
    void aGraphUrlWithATrailingSlashAndAnotherVersion() {
        FacebookSettings s = FacebookSettings.from(Map.of("app_id", "1", "app_secret", "s", "graph_url", "http://graph.test/fb/",
                "graph_version", "v19.0"));

        assertThat(s.graph("me", Map.of())).isEqualTo(URI.create("http://graph.test/fb/v19.0/me"));
    }

    @Test
    void theAppSecretIsASecretAndStaysOutOfTheSettingsText() {
        FacebookSettings s = FacebookSettings.from(Map.of("app_id", "1", "app_secret", "very-secret"));

        assertThat(new FacebookProvider().settings().fields()).filteredOn(SettingField::secret).extracting(SettingField::name)
                .containsExactly("app_secret").allMatch(SecretFields::isSecret);
        assertThat(s.toString()).contains("app_secret_set=true").doesNotContain("very-secret");
    }

    @Test
    void everyMissingOrBadKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> FacebookSettings.from(Map.of())).hasMessage("app_id is required; app_secret is required");
        assertThatThrownBy(() -> FacebookSettings.from(Map.of("app_id", "1", "app_secret", "s", "graph_version", "21",
                "graph_url", "https://graph.example?x=1")))
                .hasMessageContaining("graph_version must look like v21.0")
                .hasMessageContaining("graph_url must have no query");
    }

    @Test
    void theAppSecretProofIsHexHmacSha256OfTheTokenKeyedWithTheSecret() {
        assertThat(FacebookVerifier.proof("app-secret", "EAAtoken"))
                .isEqualTo("9f9f0867bc3df2d00cecd6aa6fb78e65b64c050401bd6ec5b84d98503d443d34");
    }
}
