package dev.atrium.core.idp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectUrlsTest {
    static final RedirectUrls LIST = RedirectUrls.of(List.of("https://App.Example.com:443/auth/done", "https://app.example.com/cb?app=1",
            "http://localhost:5173/auth.html", "https://shop.example/"));

    @ParameterizedTest(name = "{0} allowed: {1}")
    @CsvSource({
            "https://app.example.com/auth/done, true",
            "HTTPS://APP.EXAMPLE.COM/auth/done, true",
            "https://app.example.com:443/auth/done, true",
            "https://app.example.com/cb?app=1, true",
            "http://localhost:5173/auth.html, true",
            "https://shop.example, true",
            "https://shop.example/, true",
            "https://app.example.com/auth/done/, false",
            "https://app.example.com/auth/DONE, false",
            "https://app.example.com/auth/done?x=1, false",
            "https://app.example.com/cb, false",
            "https://app.example.com/cb?app=2, false",
            "https://app.example.com/auth/done#x, false",
            "http://app.example.com/auth/done, false",
            "https://app.example.com:8443/auth/done, false",
            "https://evil.example/auth/done, false",
            "https://app.example.com.evil.example/auth/done, false",
            "https://user@app.example.com/auth/done, false",
            "http://localhost:5174/auth.html, false",
            "//app.example.com/auth/done, false",
            "/auth/done, false",
            "javascript:alert(1), false",
    })
    void aRedirectIsAllowedOnlyWhenItIsAnEntryAfterNormalisation(String redirect, boolean allowed) {
        assertThat(LIST.allows(redirect)).isEqualTo(allowed);
    }

    @Test
    void nothingIsAllowedByAnEmptyListNorIsNullOrAHugeUrl() {
        assertThat(RedirectUrls.NONE.allows("https://app.example.com/")).isFalse();
        assertThat(LIST.allows(null)).isFalse();
        assertThat(LIST.allows("https://app.example.com/auth/done?" + "x".repeat(3000))).isFalse();
    }

    @Test
    void everyBadEntryIsNamedAtOnce() {
        assertThatThrownBy(() -> RedirectUrls.of(List.of("http://app.example.com/", "https://ok.example/", "https://a.example/#f",
                "ftp://files.example/", "https://u:p@a.example/", "not a url")))
                .hasMessageContaining("'http://app.example.com/'").hasMessageContaining("'https://a.example/#f'")
                .hasMessageContaining("'ftp://files.example/'").hasMessageContaining("'https://u:p@a.example/'")
                .hasMessageContaining("'not a url'").hasMessageNotContaining("ok.example");
        assertThatThrownBy(() -> RedirectUrls.of(Collections.nCopies(101, "https://a.example/"))).hasMessageContaining("at most 100");
    }

    @Test
    void theSettingOfAConfigIsReadOrItsBadEntriesNamedAsProblems() {
        Map<String, Object> bad = Map.of("allowed_redirect_urls", List.of("http://app.example.com/"));

        assertThat(RedirectUrls.problems(bad)).containsExactly(
                "allowed_redirect_urls: 'http://app.example.com/' is not an https URL (http on localhost) with a host, without fragment or user info");
        assertThatThrownBy(() -> RedirectUrls.in(bad)).hasMessageStartingWith("allowed_redirect_urls: ");
        assertThat(RedirectUrls.problems(Map.of("allowed_redirect_urls", List.of("https://a.example/")))).isEmpty();
        assertThat(RedirectUrls.in(Map.of("allowed_redirect_urls", List.of("https://a.example/"))).allows("https://a.example/")).isTrue();
        assertThat(RedirectUrls.in(Map.of())).isSameAs(RedirectUrls.NONE);
        assertThat(RedirectUrls.in(Map.of("allowed_redirect_urls", List.of()))).isSameAs(RedirectUrls.NONE);
    }

    @Test
    void authorizationUrlsKeepTheEndpointsQueryAndEncodeSpacesAsPercent20() {
        assertThat(AuthorizationUrl.of(java.net.URI.create("https://idp.example/auth?tenant=x"),
                new java.util.LinkedHashMap<>(Map.of("scope", "a b+c"))).toString())
                .isEqualTo("https://idp.example/auth?tenant=x&scope=a%20b%2Bc");
    }
}
