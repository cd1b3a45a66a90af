package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.SoftAuthenticator;
import dev.atrium.server.testing.TestServer;
import java.util.List;
import java.util.Map;

/**
 * The passkey routes of a test server, as a client calls them (docs/providers/passkey.md): the
 * provider enabled for {@link #ORIGIN} on {@code localhost}, the ceremonies' options and answers.
 */
final class PasskeyCalls {
    static final String TYPE = "passkey";
    static final String ORIGIN = "http://localhost:5173";
    static final String RP_ID = "localhost";

    private final TestServer server;

    PasskeyCalls(TestServer server) {
        this.server = server;
    }

    /** Enables the provider for pages of {@link #ORIGIN}. */
    PasskeyCalls enabled() {
        server.enable(TYPE, Map.of("rp_id", RP_ID, "allowed_origins", List.of(ORIGIN), "rp_name", "Blog"));
        return this;
    }

    /** A software authenticator on a page of {@link #ORIGIN}. */
    static SoftAuthenticator authenticator() {
        return new SoftAuthenticator(ORIGIN, RP_ID);
    }

    Http.Reply registrationOptions(String accessToken) {
        return server.send("POST", server.provider(TYPE, "registration/options"), accessToken, "{}");
    }

    Http.Reply register(String accessToken, JsonNode body) {
        return server.send("POST", server.provider(TYPE, "registration"), accessToken, body.toString());
    }

    Http.Reply loginOptions() {
        return server.send("POST", server.provider(TYPE, "login/options"), null, null);
    }

    Http.Reply login(JsonNode body) {
        return server.send("POST", server.provider(TYPE, "login"), null, body.toString());
    }

    Http.Reply list(String accessToken) {
        return server.send("GET", server.provider(TYPE, "credentials"), accessToken, null);
    }

    Http.Reply revoke(String accessToken, String passkeyId) {
        return server.send("DELETE", server.provider(TYPE, "credentials/" + passkeyId), accessToken, null);
    }

    /** The {@code publicKey} of fresh registration options for the holder of {@code accessToken}. */
    JsonNode creation(String accessToken) {
        Http.Reply r = registrationOptions(accessToken);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("publicKey");
    }

    /** The {@code publicKey} of fresh login options. */
    JsonNode request() {
        Http.Reply r = loginOptions();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("publicKey");
    }

    /** Registers a passkey of {@code authenticator} for the holder of {@code accessToken}; the 201 answer. */
    JsonNode registered(String accessToken, SoftAuthenticator authenticator) {
        Http.Reply r = register(accessToken, authenticator.register(creation(accessToken)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** Logs in with {@code authenticator}'s passkey; the 200 answer. */
    JsonNode loggedIn(SoftAuthenticator authenticator) {
        Http.Reply r = login(authenticator.assertion(request()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
