package dev.atrium.server.redirect;

import static dev.atrium.server.redirect.WebSignInServer.LOCAL_PAGE;
import static dev.atrium.server.redirect.WebSignInServer.PAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where the web redirect flow cannot trust a request it sends the browser nowhere: at the start
 * (an unlisted page would be an open redirect) and at a callback whose state is missing, unknown,
 * used or expired, or whose page is no longer allowed (there is no page to trust). The JSON error,
 * no Location, and no sign-in stored.
 */
class WebSignInSentNowhereTest {
    static final String G = "oauth2-google";
    static final String A = "oauth2-apple";
    static final String F = "oauth2-facebook";
    @TempDir
    static Path dir;
    static WebSignInServer f;

    @BeforeAll
    static void start() {
        f = WebSignInServer.start(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @AfterEach
    void reset() {
        f.reset();
    }

    /** A refused step: what the browser does, and the JSON error (status, code, text) it must get. */
    record Refused(String name, Function<WebSignInServer, Http.Reply> step, int status, String code, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Refused start(String name, String type, Map<String, String> query, int status, String code, String text) {
        return new Refused(name, s -> Http.send("GET", s.startUrl(type, query), null, null), status, code, text);
    }

    static Map<String, String> q(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Refused unlisted(String type, String redirect) {
        return start("unlisted redirect " + redirect + " (" + type + ")", type, q("state", "abcdefghijkl", "redirect", redirect),
                400, "InvalidParameter", "redirect is not one of the " + type + " provider's allowed_redirect_urls");
    }

    static Map<String, Object> without(String type, String key) {
        Map<String, Object> settings = new HashMap<>(f.stub.webSettings(type, List.of(PAGE)));
        settings.remove(key);
        return settings;
    }

    static Stream<Refused> starts() {
        return Stream.of(
                unlisted(G, "https://evil.example/auth/done"), unlisted(A, "https://evil.example/auth/done"),
                unlisted(F, "https://evil.example/auth/done"), unlisted(G, PAGE + "/more"), unlisted(G, PAGE + "?x=1"),
                unlisted(G, "http://app.example.com/auth/done"), unlisted(G, "https://app.example.com:8443/auth/done"),
                unlisted(G, PAGE + "#frag"), unlisted(G, "https://app.example.com@evil.example/auth/done"),
                unlisted(G, "http://127.0.0.1:5174/auth.html"), unlisted(G, "javascript:alert(1)//app.example.com/auth/done"),
                start("missing state", G, q("redirect", PAGE), 400, "MissingParameter", "missing parameter: state"),
                start("state with a space", G, q("state", "a b", "redirect", PAGE), 400, "InvalidParameter", "state must be"),
                start("missing redirect", G, q("state", "abcdefghijkl"), 400, "MissingParameter", "missing parameter: redirect"),
                start("device not base64", G, q("state", "abcdefghijkl", "redirect", PAGE, "device", "%%%"), 400, "InvalidParameter",
                        "device must be the base64 of a JSON object"),
                start("provider with no web sign-in", "anon-user", q("state", "abcdefghijkl", "redirect", PAGE), 404,
                        "AuthProviderNotFound", "the anon-user provider has no web sign-in"),
                start("provider not enabled", "custom-token", q("state", "abcdefghijkl", "redirect", PAGE), 404, "AuthProviderNotFound",
                        "custom-token"),
                new Refused("unknown app", s -> Http.send("GET", s.startUrl(G, q("state", "abcdefghijkl", "redirect", PAGE))
                        .replace(s.server.appId(), "nope-abcde"), null, null), 404, "AppNotFound", "nope-abcde"),
                new Refused("Google without client_secret", s -> {
                    s.server.enable(G, without(G, "client_secret"));
                    return s.start(G, "abcdefghijkl", PAGE, null);
                }, 401, "AuthError", "oauth2-google provider is not set up for auth codes (no client_secret)"),
                new Refused("Apple without its web client", s -> {
                    s.server.enable(A, s.stub.appleSettings());
                    return s.start(A, "abcdefghijkl", PAGE, null);
                }, 400, "InvalidParameter", "redirect is not one of the oauth2-apple provider's allowed_redirect_urls"),
                new Refused("link without an access token", s -> s.startLink(G, null, "abcdefghijkl", PAGE), 401, "InvalidSession",
                        "invalid session"),
                new Refused("link with a garbled access token", s -> s.startLink(G, "a.b.c", "abcdefghijkl", PAGE), 401,
                        "InvalidSession", "invalid session"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void aRefusedStartAnswersTheJsonErrorSendsTheBrowserNowhereAndStoresNothing(Refused row) {
        long states = f.server.count("redirect_states");

        Http.Reply r = row.step().apply(f);

        assertJsonError(r, row);
        assertThat(f.server.count("redirect_states")).isEqualTo(states);
    }

    static Stream<Refused> untrustedCallbacks() {
        return Stream.of(
                new Refused("unknown state", s -> s.callback(s.callbackOf(G).withState("forged-" + "x".repeat(40)), null), 400,
                        "BadRequest", "unknown, used or expired sign-in state"),
                new Refused("missing state", s -> Http.send("GET", s.server.client("/auth/callback?code=abc"), null, null), 400,
                        "MissingParameter", "missing parameter: state"),
                new Refused("replayed state (Google)", s -> replayed(s, G), 400, "BadRequest", "unknown, used or expired sign-in state"),
                new Refused("replayed state (Apple's form post)", s -> replayed(s, A), 400, "BadRequest", "unknown, used or expired"),
                new Refused("expired state", s -> {
                    WebSignInServer.Callback c = s.callbackOf(F);
                    s.server.clock.advance(Duration.ofMinutes(11));
                    return s.callback(c, null);
                }, 400, "BadRequest", "unknown, used or expired sign-in state"),
                new Refused("page no longer allowed", s -> {
                    WebSignInServer.Callback c = s.callbackOf(G);
                    s.server.enable(G, s.stub.webSettings(G, List.of(LOCAL_PAGE)));
                    return s.callback(c, null);
                }, 400, "InvalidParameter", "redirect is no longer one of the oauth2-google provider's allowed_redirect_urls"),
                new Refused("provider disabled meanwhile", s -> {
                    WebSignInServer.Callback c = s.callbackOf(F);
                    s.disable(F);
                    return s.callback(c, null);
                }, 404, "AuthProviderNotFound", "oauth2-facebook"));
    }

    /** A callback sent twice: the first signs in, the second is refused. */
    static Http.Reply replayed(WebSignInServer s, String type) {
        WebSignInServer.Callback c = s.callbackOf(type);
        assertThat(s.callback(c, null).status()).isEqualTo(303);
        return s.callback(c, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untrustedCallbacks")
    void aCallbackWhoseStateOrPageCannotBeTrustedAnswersTheJsonErrorAndSendsTheBrowserNowhere(Refused row) {
        Http.Reply r = row.step().apply(f);

        assertJsonError(r, row);
    }

    static void assertJsonError(Http.Reply r, Refused row) {
        assertThat(r.status()).as(r.body()).isEqualTo(row.status());
        assertThat(r.raw().headers().firstValue("Location")).as("sent nowhere").isEmpty();
        assertThat(r.raw().headers().firstValue("X-BAAS-Location")).isEmpty();
        assertThat(r.json().get("error_code").asText()).as(r.body()).isEqualTo(row.code());
        assertThat(r.json().get("error").asText()).as(r.body()).contains(row.text());
    }
}
