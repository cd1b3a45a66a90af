package dev.atrium.server.redirect;

import static dev.atrium.server.redirect.WebSignInServer.LOCAL_PAGE;
import static dev.atrium.server.redirect.WebSignInServer.PAGE;
import static dev.atrium.server.redirect.WebSignInServer.fragment;
import static dev.atrium.server.redirect.WebSignInServer.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.idp.IdpStub.Mode;
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
 * Every way the web redirect flow refuses, as two tables. At the start and at a callback whose
 * state cannot be trusted the browser gets the JSON error and is sent nowhere (an unlisted page
 * would be an open redirect; an unknown state names no page), and no sign-in is stored. Once the
 * state is good, every refusal or failure sends the browser back to the app's page with
 * {@code _baas_error} and realm-web's state, and changes nothing.
 */
class WebSignInRefusalsTest {
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

    static WebSignInServer.Callback callbackOf(WebSignInServer s, String type) {
        return s.atProvider(location(s.start(type, "abcdefghijkl", PAGE, null)));
    }

    static Stream<Refused> untrustedCallbacks() {
        return Stream.of(
                new Refused("unknown state", s -> s.callback(callbackOf(s, G).withState("forged-" + "x".repeat(40)), null), 400,
                        "BadRequest", "unknown, used or expired sign-in state"),
                new Refused("missing state", s -> Http.send("GET", s.server.client("/auth/callback?code=abc"), null, null), 400,
                        "MissingParameter", "missing parameter: state"),
                new Refused("replayed state (Google)", s -> replayed(s, G), 400, "BadRequest", "unknown, used or expired sign-in state"),
                new Refused("replayed state (Apple's form post)", s -> replayed(s, A), 400, "BadRequest", "unknown, used or expired"),
                new Refused("expired state", s -> {
                    WebSignInServer.Callback c = callbackOf(s, F);
                    s.server.clock.advance(Duration.ofMinutes(11));
                    return s.callback(c, null);
                }, 400, "BadRequest", "unknown, used or expired sign-in state"),
                new Refused("page no longer allowed", s -> {
                    WebSignInServer.Callback c = callbackOf(s, G);
                    s.server.enable(G, s.stub.webSettings(G, List.of(LOCAL_PAGE)));
                    return s.callback(c, null);
                }, 400, "InvalidParameter", "redirect is no longer one of the oauth2-google provider's allowed_redirect_urls"),
                new Refused("provider disabled meanwhile", s -> {
                    WebSignInServer.Callback c = callbackOf(s, F);
                    s.disable(F);
                    return s.callback(c, null);
                }, 404, "AuthProviderNotFound", "oauth2-facebook"));
    }

    /** A callback sent twice: the first signs in, the second is refused. */
    static Http.Reply replayed(WebSignInServer s, String type) {
        WebSignInServer.Callback c = callbackOf(s, type);
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

    /**
     * A sign-in refused after a good state: the browser goes to the app's page with this error
     * text; the step itself made {@code identitiesMade} identities (a guest that links, another login).
     */
    record Failed(String name, Function<WebSignInServer, Http.Reply> step, String text, int identitiesMade) {
        Failed(String name, Function<WebSignInServer, Http.Reply> step, String text) {
            this(name, step, text, 0);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Failed denied(String type, String said) {
        return new Failed("the person says no at " + type, s -> {
            s.stub.deny();
            return s.callback(callbackOf(s, type), null);
        }, type + " sign-in did not complete at the provider: " + said);
    }

    static Failed codeRefused(String type, String text) {
        return new Failed("code refused by " + type, s -> s.callback(callbackOf(s, type).withCode("c-not-issued"), null), text);
    }

    static Failed exchangeFails(String type, Mode mode, String text) {
        return new Failed(type + " token endpoint " + mode, s -> {
            WebSignInServer.Callback c = callbackOf(s, type);
            s.stub.mode(mode);
            return s.callback(c, null);
        }, text);
    }

    /** A link started by a guest, its callback sent with {@code cookie} (a function of the real one; null: none). */
    static Failed link(String name, String type, Function<String, String> cookie, Runnable meanwhile, String text, int made) {
        return new Failed(name, s -> {
            s.stub.signInAs(WebSignInFlowTest.someone());
            JsonNode guest = s.server.guestLogin();
            Http.Reply started = s.startLink(type, guest.get("access_token").asText(), "abcdefghijkl", PAGE);
            String set = started.raw().headers().firstValue("Set-Cookie").orElseThrow();
            WebSignInServer.Callback c = s.atProvider(started.raw().headers().firstValue("X-BAAS-Location").orElseThrow());
            if (meanwhile != null) {
                meanwhile.run();
            }
            return s.callback(c, cookie.apply(set.substring(0, set.indexOf(';'))));
        }, text, made);
    }

    static Failed linkAfterLogout(String type) {
        return new Failed("link whose session ended meanwhile (the guest logged out)", s -> {
            s.stub.signInAs(WebSignInFlowTest.someone());
            JsonNode guest = s.server.guestLogin();
            Http.Reply started = s.startLink(type, guest.get("access_token").asText(), "abcdefghijkl", PAGE);
            String set = started.raw().headers().firstValue("Set-Cookie").orElseThrow();
            WebSignInServer.Callback c = s.atProvider(started.raw().headers().firstValue("X-BAAS-Location").orElseThrow());
            s.server.send("DELETE", s.server.client("/auth/session"), guest.get("refresh_token").asText(), null);
            return s.callback(c, set.substring(0, set.indexOf(';')));
        }, "invalid session: the session has ended", 0);
    }

    static String googleNotExchanged = "Google auth code not exchanged: Google's token endpoint could not be used";

    static Stream<Failed> failures() {
        return Stream.of(
                denied(G, "access_denied"), denied(F, "access_denied"), denied(A, "user_cancelled_authorize"),
                codeRefused(G, "Google auth code refused: invalid, expired, already used or for another client"),
                codeRefused(A, "Apple authorization code refused: invalid, expired, already used or for another client"),
                codeRefused(F, "Facebook authorization code refused: invalid, expired, already used or for another client"),
                new Failed("no code", s -> Http.send("GET", callbackOf(s, G).url().replaceFirst("code=[^&]*&", ""), null, null),
                        "missing parameter: code"),
                exchangeFails(G, Mode.DOWN, googleNotExchanged), exchangeFails(G, Mode.GARBAGE, googleNotExchanged),
                exchangeFails(G, Mode.HUGE, googleNotExchanged), exchangeFails(G, Mode.REDIRECT, googleNotExchanged),
                exchangeFails(A, Mode.DOWN, "Apple authorization code not exchanged: Apple's token endpoint could not be used"),
                exchangeFails(A, Mode.ERROR, "Apple authorization code not exchanged: Apple's token endpoint could not be used"),
                exchangeFails(F, Mode.DOWN, "Facebook authorization code not exchanged: Facebook's token endpoint could not be used"),
                exchangeFails(F, Mode.GARBAGE, "Facebook authorization code not exchanged: Facebook's token endpoint could not be used"),
                new Failed("Apple key not the app's", s -> {
                    WebSignInServer.Callback c = callbackOf(s, A);
                    Map<String, Object> settings = new HashMap<>(s.stub.webSettings(A, List.of(PAGE)));
                    settings.put("key_id", "OTHERKEY01");
                    s.server.enable(A, settings);
                    return s.callback(c, null);
                }, "Apple authorization code not exchanged: Apple's token endpoint could not be used"),
                link("link without the binding cookie", G, real -> null, null, "link refused: this browser did not start the link", 1),
                link("link with another browser's cookie", F, real -> "atrium_link=someone-elses", null,
                        "link refused: this browser did not start the link", 1),
                link("link of an identity another user holds", G, real -> real, () -> f.login(G, "abcdefghijkl", PAGE),
                        "link refused: this oauth2-google identity already belongs to another user", 2),
                link("link whose code is refused", A, real -> real, () -> f.stub.mode(Mode.ERROR),
                        "link refused: Apple authorization code not exchanged", 1),
                linkAfterLogout(G));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aRefusalAfterAGoodStateSendsTheBrowserToTheAppPageWithTheErrorAndChangesNothing(Failed row) {
        long identities = f.server.count("identities");

        Http.Reply r = row.step().apply(f);

        assertThat(r.status()).as(r.body()).isEqualTo(303);
        String page = location(r);
        assertThat(page).startsWith(PAGE + "#");
        Map<String, String> result = fragment(page);
        assertThat(result).containsEntry("_baas_state", "abcdefghijkl").containsEntry("_baas_client_app_id", f.server.appId())
                .doesNotContainKey("_baas_ua");
        assertThat(result.get("_baas_error")).contains(row.text());
        assertThat(f.server.count("identities")).as("only the identities the step made itself")
                .isEqualTo(identities + row.identitiesMade());
    }
}
