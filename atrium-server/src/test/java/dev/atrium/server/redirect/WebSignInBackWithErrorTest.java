package dev.atrium.server.redirect;

import static dev.atrium.server.redirect.WebSignInServer.PAGE;
import static dev.atrium.server.redirect.WebSignInServer.fragment;
import static dev.atrium.server.redirect.WebSignInServer.location;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.idp.IdpStub.Mode;
import java.nio.file.Path;
import java.util.HashMap;
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
 * Once a web sign-in's state is good, every refusal or failure sends the browser back to the app's
 * page with {@code _baas_error} and realm-web's state, and changes nothing: the person says no, the
 * provider refuses the code or cannot be used, Apple's key is not the app's, a link comes back
 * without its browser's cookie, its identity is another user's, its session ended meanwhile.
 */
class WebSignInBackWithErrorTest {
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

    /**
     * A sign-in refused after a good state: the browser goes to the app's page with this error
     * text; the step itself made {@code identitiesMade} identity rows (another login's; the guest that
     * links has none: its identity is implied by its user row, docs/stores.md "Guests' identity").
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
            return s.callback(s.callbackOf(type), null);
        }, type + " sign-in did not complete at the provider: " + said);
    }

    static Failed codeRefused(String type, String text) {
        return new Failed("code refused by " + type, s -> s.callback(s.callbackOf(type).withCode("c-not-issued"), null), text);
    }

    static Failed exchangeFails(String type, Mode mode, String text) {
        return new Failed(type + " token endpoint " + mode, s -> {
            WebSignInServer.Callback c = s.callbackOf(type);
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
                new Failed("no code", s -> Http.send("GET", s.callbackOf(G).url().replaceFirst("code=[^&]*&", ""), null, null),
                        "missing parameter: code"),
                exchangeFails(G, Mode.DOWN, googleNotExchanged), exchangeFails(G, Mode.GARBAGE, googleNotExchanged),
                exchangeFails(G, Mode.HUGE, googleNotExchanged), exchangeFails(G, Mode.REDIRECT, googleNotExchanged),
                exchangeFails(A, Mode.DOWN, "Apple authorization code not exchanged: Apple's token endpoint could not be used"),
                exchangeFails(A, Mode.ERROR, "Apple authorization code not exchanged: Apple's token endpoint could not be used"),
                exchangeFails(F, Mode.DOWN, "Facebook authorization code not exchanged: Facebook's token endpoint could not be used"),
                exchangeFails(F, Mode.GARBAGE, "Facebook authorization code not exchanged: Facebook's token endpoint could not be used"),
                new Failed("Facebook app secret not the app's", s -> {
                    WebSignInServer.Callback c = s.callbackOf(F);
                    Map<String, Object> settings = new HashMap<>(s.stub.webSettings(F, List.of(PAGE)));
                    settings.put("app_secret", "not-the-secret");
                    s.server.enable(F, settings);
                    return s.callback(c, null);
                }, "Facebook authorization code not exchanged: Facebook's token endpoint could not be used"),
                new Failed("Apple key not the app's", s -> {
                    WebSignInServer.Callback c = s.callbackOf(A);
                    Map<String, Object> settings = new HashMap<>(s.stub.webSettings(A, List.of(PAGE)));
                    settings.put("key_id", "OTHERKEY01");
                    s.server.enable(A, settings);
                    return s.callback(c, null);
                }, "Apple authorization code not exchanged: Apple's token endpoint could not be used"),
                link("link without the binding cookie", G, real -> null, null, "link refused: this browser did not start the link", 0),
                link("link with another browser's cookie", F, real -> "atrium_link=someone-elses", null,
                        "link refused: this browser did not start the link", 0),
                link("link of an identity another user holds", G, real -> real, () -> f.login(G, "abcdefghijkl", PAGE),
                        "link refused: this oauth2-google identity already belongs to another user", 1),
                link("link whose code is refused", A, real -> real, () -> f.stub.mode(Mode.ERROR),
                        "link refused: Apple authorization code not exchanged", 0),
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
