package dev.atrium.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule for which config values are secrets, and how they are hidden, kept and removed. */
class SecretFieldsTest {
    static final Map<String, Object> USERPASS = Map.of("confirmation", "email", "webhook_secret", "hook",
            "smtp", Map.of("host", "smtp.example.com", "password", "pw"));

    @Test
    void aPasswordOrAnyStarSecretIsASecretAtAnyDepth() {
        assertThat(SecretFields.isSecret("password")).isTrue();
        assertThat(SecretFields.isSecret("shared_secret")).isTrue();
        assertThat(SecretFields.isSecret("client_secret")).isTrue();
        assertThat(SecretFields.isSecret("password_set")).isFalse();
        assertThat(SecretFields.isSecret("secret_santa")).isFalse();
        assertThat(SecretFields.paths(USERPASS)).containsExactlyInAnyOrder("webhook_secret", "smtp.password");
        assertThat(SecretFields.paths(Map.of("list", List.of(Map.of("password", "x"))))).containsExactly("list.0.password");
    }

    @Test
    void redactedShowsOnlyThatEachSecretIsSet() {
        assertThat(SecretFields.redacted(USERPASS)).isEqualTo(Map.of("confirmation", "email", "webhook_secret_set", true,
                "smtp", Map.of("host", "smtp.example.com", "password_set", true)));
    }

    @Test
    void mapReplacesEverySecretTakesANumberAsItsTextAndRefusesAnObject() {
        assertThat(SecretFields.map(USERPASS, (path, value) -> path + "!")).isEqualTo(Map.of("confirmation", "email",
                "webhook_secret", "webhook_secret!", "smtp", Map.of("host", "smtp.example.com", "password", "smtp.password!")));
        Map<String, Object> withNull = new HashMap<>(Map.of("a", 1));
        withNull.put("webhook_secret", null);
        assertThat(SecretFields.map(withNull, (path, value) -> "x")).containsEntry("webhook_secret", null);
        assertThat(SecretFields.map(Map.of("smtp", Map.of("password", 1234)), (p, v) -> v))
                .as("an earlier release stored a number; its users read it as text").isEqualTo(Map.of("smtp", Map.of("password", "1234")));
        assertThatThrownBy(() -> SecretFields.map(Map.of("smtp", Map.of("password", Map.of())), (p, v) -> v))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("smtp.password must be a string");
    }

    @Test
    void aConfigSentBackAsShownKeepsItsSecretsAndStoresNoMarker() {
        SecretFields.Update update = SecretFields.merge(USERPASS, SecretFields.redacted(USERPASS));

        assertThat(update.config()).isEqualTo(USERPASS);
        assertThat(update.kept()).containsExactlyInAnyOrder("webhook_secret", "smtp.password");
    }

    @Test
    void aSecretSentAsANumberIsRefusedNamingIt() {
        assertThatThrownBy(() -> SecretFields.merge(Map.of(), Map.of("smtp", Map.of("password", 1234))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("smtp.password must be a string");
    }

    @Test
    void aNewValueReplacesASecretAndNullEmptyOrAFalseMarkerRemovesIt() {
        Map<String, Object> given = new HashMap<>(Map.of("confirmation", "email", "webhook_secret", "",
                "smtp", Map.of("host", "smtp.example.com", "password_set", false)));

        assertThat(SecretFields.merge(USERPASS, given).config())
                .isEqualTo(Map.of("confirmation", "email", "smtp", Map.of("host", "smtp.example.com")));
        assertThat(SecretFields.merge(USERPASS, Map.of("webhook_secret", "new")).config())
                .as("smtp left out: its password goes with it").isEqualTo(Map.of("webhook_secret", "new"));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("webhook_secret", null);
        assertThat(SecretFields.merge(USERPASS, nulls).config()).isEmpty();
    }
}
