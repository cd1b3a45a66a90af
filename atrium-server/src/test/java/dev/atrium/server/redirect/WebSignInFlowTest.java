package dev.atrium.server.redirect;

import static dev.atrium.server.redirect.WebSignInServer.PAGE;
import static dev.atrium.server.redirect.WebSignInServer.fragment;
import static dev.atrium.server.redirect.WebSignInServer.location;
import static dev.atrium.server.redirect.WebSignInServer.query;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.idp.IdpStub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole web redirect dance over HTTP, without a browser, for each provider: the start sends the
 * browser to the stub's sign-in page with Atrium's callback and its own one-time state; the page
 * sends it back with a code (Apple by a form POST); the callback exchanges it, logs in or links
 * through the token flow, and sends the browser to the app's page with the fragment realm-web
 * reads. Login twice gives one user; a guest links keeping its id.
 */
class WebSignInFlowTest {
    @TempDir
    static Path dir;
    static WebSignInServer f;
    static final AtomicInteger people = new AtomicInteger();

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

    static IdpStub.Person someone() {
        int n = people.incrementAndGet();
        return new IdpStub.Person("person-" + n, "p" + n + "@example.com", "Person " + n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth2-google", "oauth2-apple", "oauth2-facebook"})
    void loginGoesToTheProviderAndBackToTheAppPageWithRealmWebsFragmentThenFindsTheSameUserAgain(String type) {
        IdpStub.Person person = someone();
        f.stub.signInAs(person);
        String deviceId = ObjectIds.next(Instant.now());
        String device = Base64.getEncoder().encodeToString(("{\"platform\":\"chrome\",\"sdkVersion\":\"2.0.1\",\"deviceId\":\""
                + deviceId + "\"}").getBytes(StandardCharsets.UTF_8));

        Http.Reply started = f.start(type, "abcdefghijkl", PAGE, device);

        assertThat(started.status()).as(started.body()).isEqualTo(302);
        assertThat(started.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
        Map<String, String> authorization = query(location(started));
        assertThat(authorization).containsEntry("redirect_uri", f.server.client("/auth/callback")).containsEntry("response_type", "code");
        assertThat(authorization.get("state")).as("Atrium's own state, not realm-web's").hasSizeGreaterThanOrEqualTo(43)
                .isNotEqualTo("abcdefghijkl");
        WebSignInServer.Callback callback = f.atProvider(location(started));
        assertThat(callback.method()).isEqualTo(type.equals("oauth2-apple") ? "POST" : "GET");

        Http.Reply back = f.callback(callback, null);

        assertThat(back.status()).as(back.body()).isEqualTo(303);
        String page = location(back);
        assertThat(page).startsWith(PAGE + "#");
        Map<String, String> result = fragment(page);
        assertThat(result).containsEntry("_baas_client_app_id", f.server.appId()).containsEntry("_baas_state", "abcdefghijkl")
                .doesNotContainKeys("_baas_error", "_baas_link");
        String[] ua = result.get("_baas_ua").split("\\$", -1);
        assertThat(ua).hasSize(4);
        assertThat(ua[3]).as("the device realm-web named").isEqualTo(deviceId);
        JsonNode profile = f.server.send("GET", f.server.client("/auth/profile"), ua[0], null).json();
        assertThat(profile.get("user_id").asText()).isEqualTo(ua[2]);
        assertThat(profile.at("/identities/0/provider_type").asText()).isEqualTo(type);
        assertThat(profile.at("/identities/0/id").asText()).isEqualTo(person.sub());
        assertThat(profile.at("/data/email").asText()).isEqualTo(person.email());
        assertThat(f.server.send("POST", f.server.client("/auth/session"), ua[1], null).status()).as("the refresh token works")
                .isEqualTo(201);

        Map<String, String> again = fragment(f.login(type, "nopqrstuvwxy", PAGE));
        assertThat(again.get("_baas_ua").split("\\$")[2]).as("the same person again").isEqualTo(ua[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"oauth2-google", "oauth2-apple", "oauth2-facebook"})
    void aGuestLinksThroughTheRedirectKeepingItsIdAndLaterRedirectLoginsReturnIt(String type) {
        IdpStub.Person person = someone();
        f.stub.signInAs(person);
        JsonNode guest = f.server.guestLogin();
        String guestId = guest.get("user_id").asText();

        Http.Reply started = f.startLink(type, guest.get("access_token").asText(), "mnopqrstuvwx", PAGE);

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String authorization = started.raw().headers().firstValue("X-BAAS-Location").orElseThrow();
        String cookie = started.raw().headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("atrium_link=").contains("HttpOnly", "Path=/api/client/v2.0/auth/callback", "SameSite=Lax", "Max-Age=600");
        Http.Reply back = f.callback(f.atProvider(authorization), cookie.substring(0, cookie.indexOf(';')));

        Map<String, String> result = fragment(location(back));
        assertThat(result).containsEntry("_baas_link", "true").containsEntry("_baas_state", "mnopqrstuvwx")
                .doesNotContainKey("_baas_error");
        String[] ua = result.get("_baas_ua").split("\\$", -1);
        assertThat(ua[2]).isEqualTo(guestId);
        assertThat(back.raw().headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("atrium_link=;")
                .contains("Expires=Thu, 1 Jan 1970"));
        JsonNode profile = f.server.send("GET", f.server.client("/auth/profile"), ua[0], null).json();
        assertThat(profile.at("/identities/0/provider_type").asText()).isEqualTo("anon-user");
        assertThat(profile.at("/identities/1/provider_type").asText()).isEqualTo(type);
        assertThat(Http.send("GET", f.server.client("/auth/profile"), ua[0], null).json().path("type").asText()).isEqualTo("normal");

        assertThat(fragment(f.login(type, "abcdefghijkl", PAGE)).get("_baas_ua").split("\\$")[2]).isEqualTo(guestId);
    }
}
