package dev.atrium.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The origin matcher of the per-app CORS setting: parsing, normalisation, matching and the stored form. */
class AllowedOriginsTest {
    static final AllowedOrigins LISTED = AllowedOrigins.parse(List.of("https://blog.example", "http://127.0.0.1:5173",
            "https://*.example.com", "http://[::1]:8080"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "https://blog.example, true",
            "HTTPS://BLOG.EXAMPLE, true",
            "https://blog.example:443, true",
            "https://blog.example:8443, false",
            "http://blog.example, false",
            "https://blog.example.evil, false",
            "https://evil.blog.example, false",
            "http://127.0.0.1:5173, true",
            "http://127.0.0.1, false",
            "http://localhost:5173, false",
            "https://a.example.com, true",
            "https://a.b.example.com, true",
            "https://A.Example.COM, true",
            "https://example.com, false",
            "https://evil-example.com, false",
            "https://a.example.com.evil, false",
            "http://a.example.com, false",
            "https://a.example.com:8443, false",
            "http://[::1]:8080, true",
            "null, false",
            "https://blog.example/, false",
            "not an origin, false",
            "'', false"})
    void listedOriginsAllowOnlyTheirOriginsAndSubdomainsAfterNormalisation(String origin, boolean allowed) {
        assertThat(LISTED.allows(origin)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://blog.example", "http://127.0.0.1:5173", "null", "capacitor://localhost",
            "chrome-extension://abcdefghijklmnop"})
    void anyOriginAllowsEverySerialisedOriginIncludingNull(String origin) {
        assertThat(AllowedOrigins.ANY.allows(origin)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "https://a.example/path", "two words", "https://a.example, https://b.example"})
    void anyOriginDoesNotEchoWhatIsNotAnOrigin(String origin) {
        assertThat(AllowedOrigins.ANY.allows(origin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://blog.example", "null", "http://127.0.0.1:5173"})
    void noneAllowsNoOrigin(String origin) {
        assertThat(AllowedOrigins.NONE.allows(origin)).isFalse();
        assertThat(AllowedOrigins.parse(List.of())).isEqualTo(AllowedOrigins.NONE);
    }

    @Test
    void entriesAreStoredNormalisedInOrderWithoutDuplicates() {
        AllowedOrigins o = AllowedOrigins.parse(List.of("HTTPS://Blog.Example:443", "https://blog.example",
                "https://*.Example.com:8443", "http://127.0.0.1:80"));

        assertThat(o.entries()).containsExactly("https://blog.example", "https://*.example.com:8443", "http://127.0.0.1");
        assertThat(AllowedOrigins.parse(o.entries())).isEqualTo(o);
        assertThat(AllowedOrigins.parse(List.of("*"))).isSameAs(AllowedOrigins.ANY);
        assertThat(AllowedOrigins.ANY.entries()).containsExactly("*");
        assertThat(AllowedOrigins.NONE.entries()).isEmpty();
    }

    @ParameterizedTest(name = "{1}: ''{0}''")
    @CsvSource(delimiter = '|', value = {
            "https://blog.example/path | has a path",
            "https://blog.example/ | has a path",
            "https://blog.example?x=1 | has a query",
            "https://blog.example#top | has a fragment",
            "https://user@blog.example | user info",
            "ftp://blog.example | http or https",
            "blog.example | http or https",
            "https:blog.example | scheme://host",
            "https:// | not a URL",
            "https://blog.example:0 | port",
            "https://blog.example:70000 | port",
            "https://* | every site",
            "https://*.com | two labels",
            "https://a.*.example.com | left-most label",
            "https://*example.com | left-most label",
            "https://a*.example.com | left-most label",
            "*.example.com | left-most label",
            "https://*.*.example.com | left-most label",
            "https://*.127.0.0.1 | IP address",
            "null | only by '*'",
            "'' | not an origin"})
    void invalidEntryIsRefusedNamingIt(String entry, String why) {
        assertThatThrownBy(() -> AllowedOrigins.parse(List.of("https://ok.example", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("allowed_origins: '" + entry + "'")
                .hasMessageContaining(why);
    }

    @Test
    void anyMixedWithOtherEntriesIsRefused() {
        assertThatThrownBy(() -> AllowedOrigins.parse(List.of("*", "https://blog.example")))
                .hasMessageContaining("'*' (any origin) must be the only entry");
    }

    @Test
    void everyBadEntryIsNamedAtOnce() {
        assertThatThrownBy(() -> AllowedOrigins.parse(List.of("https://a.example/x", "https://b.example", "ftp://c.example")))
                .hasMessageContaining("'https://a.example/x'").hasMessageContaining("'ftp://c.example'")
                .hasMessageNotContaining("'https://b.example'");
    }

    @Test
    void moreThanTheMaximumNumberOfEntriesIsRefused() {
        List<String> many = java.util.stream.IntStream.rangeClosed(0, AllowedOrigins.MAX_ENTRIES)
                .mapToObj(i -> "https://o" + i + ".example").toList();

        assertThatThrownBy(() -> AllowedOrigins.parse(many)).hasMessageContaining("at most 100 entries");
    }

    @Test
    void settingsRowWithoutTheKeyReadsAsAnyOrigin() {
        Map<String, Object> old = new java.util.HashMap<>(AppSettings.DEFAULTS.toMap());
        old.remove("allowed_origins");

        assertThat(AppSettings.fromMap(old).allowedOrigins()).isSameAs(AllowedOrigins.ANY);
        assertThat(AppSettings.DEFAULTS.toMap()).containsEntry("allowed_origins", List.of("*"));
        AppSettings restricted = AppSettings.DEFAULTS.withAllowedOrigins(LISTED);
        assertThat(AppSettings.fromMap(restricted.toMap())).isEqualTo(restricted);
    }
}
