package dev.atrium.core.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void everyProblemAndEveryUnknownKeyIsNamedInOneError() {
        Map<String, Object> config = new HashMap<>();
        config.put("name", "");
        config.put("ids", List.of("a", 1));
        config.put("url", "javascript:alert(1)");
        config.put("clock_skew_s", 301);
        config.put("nmae", "typo");
        config.put("extra", null);
        SettingsReader r = new SettingsReader(config);

        r.string("name");
        r.string("required");
        r.strings("ids", null, false);
        r.url("url", null);
        r.clockSkew();

        assertThatThrownBy(r::done).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "name must be a non-empty string; required is required; ids must be a non-empty list of non-empty strings; "
                        + "url must be an http(s) URL with a host; clock_skew_s must be a whole number of seconds, 0..300; "
                        + "unknown keys extra, nmae (known: name, required, ids, url, clock_skew_s)");
    }

    @Test
    void absentOptionalKeysTakeTheirDefaults() {
        SettingsReader r = new SettingsReader(Map.of());

        assertThat(r.string("s", "d")).isEqualTo("d");
        assertThat(r.text("t", "postmessage")).isEqualTo("postmessage");
        assertThat(r.strings("l", Set.of("x"), true)).containsExactly("x");
        assertThat(r.url("u", URI.create("https://example.com"))).isEqualTo(URI.create("https://example.com"));
        assertThat(r.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        r.done();
    }

    @Test
    void aStoredConfigThatNoLongerParsesIsAMisconfiguredProviderAtLogin() {
        assertThatThrownBy(() -> SettingsReader.atLogin("oauth2-x", Map.of(), c -> {
            throw new IllegalArgumentException("client_ids is required");
        })).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AuthError);
            assertThat(e.getMessage()).isEqualTo("oauth2-x provider is misconfigured");
            assertThat(e.detail()).isEqualTo("client_ids is required");
        });
    }
}
