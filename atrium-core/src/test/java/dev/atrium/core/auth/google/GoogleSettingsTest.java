package dev.atrium.core.auth.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoogleSettingsTest {

    @Test
    void aClientIdIsEnoughForIdTokensTheRestDefaultsToGoogle() {
        GoogleSettings s = GoogleSettings.from(Map.of("client_id", "1-web.apps.googleusercontent.com"));

        assertThat(s.jwksUrl()).isEqualTo(URI.create("https://www.googleapis.com/oauth2/v3/certs"));
        assertThat(s.tokenUrl()).isEqualTo(URI.create("https://oauth2.googleapis.com/token"));
        assertThat(s.issuers()).containsExactlyInAnyOrder("https://accounts.google.com", "accounts.google.com");
        assertThat(s.redirectUri()).isEqualTo("postmessage");
        assertThat(s.clientSecret()).isNull();
        assertThat(s.trust().audiences()).containsExactly("1-web.apps.googleusercontent.com");
    }

    @Test
    void additionalClientIdsAreAcceptedAudiencesAndAnEmptyRedirectUriSendsNone() {
        GoogleSettings s = GoogleSettings.from(Map.of("client_id", "web", "additional_client_ids", List.of("ios", "android"),
                "redirect_uri", ""));

        assertThat(s.trust().audiences()).containsExactlyInAnyOrder("web", "ios", "android");
        assertThat(s.redirectUri()).isNull();
    }

    @Test
    void theClientSecretIsASecretAndStaysOutOfTheSettingsText() {
        GoogleSettings s = GoogleSettings.from(Map.of("client_id", "web", "client_secret", "GOCSPX-very-secret"));

        assertThat(new GoogleProvider().settings().fields()).filteredOn(SettingField::secret).extracting(SettingField::name)
                .containsExactly("client_secret").allMatch(SecretFields::isSecret);
        assertThat(s.toString()).contains("client_secret_set=true").doesNotContain("GOCSPX-very-secret");
    }

    @Test
    void everyBadKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> GoogleSettings.from(Map.of("client_id", " ", "issuers", List.of(), "token_url", "gopher://x",
                "redirect_uri", 5)))
                .hasMessageContaining("client_id must not be blank")
                .hasMessageContaining("issuers must not be empty")
                .hasMessageContaining("token_url must be an http(s) URL with a host")
                .hasMessageContaining("redirect_uri must be a string");
    }

    @Test
    void credentialsAreReadFromTheLoginBody() {
        assertThat(new GoogleProvider().credentials(RequestFields.of(Map.of("authCode", "4/c"))))
                .isEqualTo(new GoogleCredentials.AuthCode("4/c"));
        assertThat(new GoogleProvider().credentials(RequestFields.of(Map.of("id_token", "t"))))
                .isEqualTo(new GoogleCredentials.IdToken("t", null));
    }

    @Test
    void credentialsAreAnIdTokenOrAnAuthCodeNeverBothNorNeither() {
        assertThat(GoogleCredentials.of("t", null, "n")).isEqualTo(new GoogleCredentials.IdToken("t", "n"));
        assertThat(GoogleCredentials.of(null, "4/c", null)).isEqualTo(new GoogleCredentials.AuthCode("4/c"));
        assertThat(GoogleCredentials.of(null, "4/c", null).toString()).doesNotContain("4/c");
        assertThatThrownBy(() -> GoogleCredentials.of("t", "4/c", null)).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.InvalidParameter));
        assertThatThrownBy(() -> GoogleCredentials.of("", null, null)).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MissingParameter));
    }
}
