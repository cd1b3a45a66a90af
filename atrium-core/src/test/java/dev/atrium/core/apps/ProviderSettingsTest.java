package dev.atrium.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A config checked against declared fields: each problem named by its dotted path, all at once. */
class ProviderSettingsTest {
    static final ProviderSettings SETTINGS = ProviderSettings.declared(
            SettingField.string("audience", "aud").asRequired().bounds(2L, 10L),
            SettingField.url("jwks_url", "keys"),
            SettingField.integer("skew_s", "skew").bounds(0L, 300L).defaultsTo(60),
            SettingField.bool("strict", "strict"),
            SettingField.choice("mode", "mode", "a", "b"),
            SettingField.stringList("algorithms", "algs"),
            SettingField.stringMap("metadata", "claims"),
            SettingField.string("client_secret", "secret"),
            SettingField.object("smtp", "mail", SettingField.string("host", "host").asRequired(),
                    SettingField.integer("port", "port").bounds(1L, 65535L)));

    record Case(String name, Map<String, Object> config, String problem) {}

    @Test
    void validateWhenConfigBreaksADeclarationThenIllegalArgumentNamingIt() {
        List<Case> cases = List.of(
                new Case("unknown key", Map.of("audience", "ab", "bogus", 1), "bogus is not a setting"),
                new Case("required missing", Map.of(), "audience is required"),
                new Case("string of another type", Map.of("audience", 5), "audience must be a string"),
                new Case("string too short", Map.of("audience", "a"), "audience must be at least 2 characters"),
                new Case("string too long", Map.of("audience", "a".repeat(11)), "audience must be at most 10 characters"),
                new Case("url not http(s)", Map.of("audience", "ab", "jwks_url", "file:///etc/passwd"),
                        "jwks_url must be an http(s) URL with a host"),
                new Case("integer as text", Map.of("audience", "ab", "skew_s", "60"), "skew_s must be an integer"),
                new Case("integer as decimal", Map.of("audience", "ab", "skew_s", 1.5), "skew_s must be an integer"),
                new Case("integer out of range", Map.of("audience", "ab", "skew_s", 301), "skew_s must be 0..300"),
                new Case("boolean as text", Map.of("audience", "ab", "strict", "yes"), "strict must be true or false"),
                new Case("choice not listed", Map.of("audience", "ab", "mode", "c"), "mode must be one of a, b"),
                new Case("list of numbers", Map.of("audience", "ab", "algorithms", List.of(1)), "algorithms must be a list of strings"),
                new Case("map of numbers", Map.of("audience", "ab", "metadata", Map.of("a", 1)), "metadata must be an object of strings"),
                new Case("object as text", Map.of("audience", "ab", "smtp", "x"), "smtp must be an object"),
                new Case("nested required", Map.of("audience", "ab", "smtp", Map.of()), "smtp.host is required"),
                new Case("nested bounds", Map.of("audience", "ab", "smtp", Map.of("host", "h", "port", 0)), "smtp.port must be 1..65535"),
                new Case("nested unknown", Map.of("audience", "ab", "smtp", Map.of("host", "h", "x", 1)), "smtp.x is not a setting"));
        for (Case c : cases) {
            assertThatThrownBy(() -> SETTINGS.validate(c.config())).as(c.name())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(c.problem());
        }
    }

    @Test
    void validateWhenSeveralProblemsThenEveryOneIsNamed() {
        assertThatThrownBy(() -> SETTINGS.validate(Map.of("skew_s", -1, "mode", "z")))
                .hasMessageContaining("audience is required")
                .hasMessageContaining("skew_s must be 0..300")
                .hasMessageContaining("mode must be one of a, b");
    }

    @Test
    void validateWhenConfigMatchesTheDeclarationsThenAccepted() {
        assertThatCode(() -> SETTINGS.validate(Map.of("audience", "ab", "jwks_url", "https://id.example/jwks",
                "skew_s", 0, "strict", true, "mode", "b", "algorithms", List.of("RS256"), "metadata", Map.of("name", "n"),
                "client_secret", "s", "smtp", Map.of("host", "h", "port", 587)))).doesNotThrowAnyException();
    }

    @Test
    void noneWhenAnyKeyThenRefusedWithTheTypeTakesNoConfig() {
        ProviderSettings none = ProviderSettings.none("api-key");

        assertThatCode(() -> none.validate(Map.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> none.validate(Map.of("bogus", 1))).hasMessage("api-key takes no config");
        assertThat(none.fields()).isEmpty();
    }

    @Test
    void checkedByWhenGivenThenItReplacesTheDeclaredCheckButKeepsTheFields() {
        ProviderSettings own = SETTINGS.checkedBy(config -> {
            throw new IllegalArgumentException("own rule");
        });

        assertThatThrownBy(() -> own.validate(Map.of("audience", "ab"))).hasMessage("own rule");
        assertThat(own.fields()).isEqualTo(SETTINGS.fields());
    }

    @Test
    void secretWhenNamedLikeASecretThenWriteOnlyWhateverTheDeclaration() {
        assertThat(SettingField.string("client_secret", "s").secret()).isTrue();
        assertThat(SettingField.string("password", "s").secret()).isTrue();
        assertThat(SettingField.string("audience", "s").secret()).isFalse();
        assertThatThrownBy(() -> SettingField.integer("pin_secret", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a secret is a string");
        assertThatThrownBy(() -> SettingField.choice("mode", "m"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a choice needs its values");
    }
}
