package dev.atrium.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Users made the way clients make them, over HTTP on a {@link TestServer}, and the admin API
 * calls an operator makes on them. Each helper fails the test unless its request succeeds.
 */
public final class Accounts {
    public static final String PASSWORD = "correct-horse-1";
    private static final AtomicInteger EMAILS = new AtomicInteger();

    private final TestServer server;
    private final String adminToken;

    /** A user's tokens as its device holds them; {@code email} null when it has no e-mail/password identity. */
    public record Held(String userId, String access, String refresh, String email) {}

    public Accounts(TestServer server) {
        this.server = server;
        try {
            this.adminToken = Files.readString(server.config.dataDir().resolve("admin-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new e-mail address nobody has registered. */
    public static String uniqueEmail(String tag) {
        return tag + "-" + EMAILS.incrementAndGet() + "@example.com";
    }

    /** Registers {@code email} with {@link #PASSWORD} (the app confirms automatically). */
    public void register(String email) {
        Http.Reply r = server.send("POST", server.provider("local-userpass", "register"), null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** The login answer for {@code email} and {@code password}, whatever it is. */
    public Http.Reply passwordLogin(String email, String password) {
        return server.send("POST", server.provider("local-userpass", "login"), null, credentials(email, password));
    }

    /** {@code {"username","password"}} of a local-userpass login or link. */
    public static String credentials(String email, String password) {
        return "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    /** A user who registered {@code email} and logged in with it. */
    public Held emailUser(String email) {
        register(email);
        Http.Reply r = passwordLogin(email, PASSWORD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode j = r.json();
        return new Held(j.get("user_id").asText(), j.get("access_token").asText(), j.get("refresh_token").asText(), email);
    }

    /**
     * A guest that created an API key and linked it (README: how a device keeps its account): no
     * longer anonymous, so logging out keeps it, and without an e-mail identity. Holds the access
     * token the link returned.
     */
    public Held guestWithLinkedKey() {
        JsonNode guest = server.guestLogin();
        String refresh = guest.get("refresh_token").asText();
        Http.Reply key = server.send("POST", server.client("/auth/api_keys"), refresh, "{\"name\":\"device\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Http.Reply link = server.send("POST", server.provider("api-key", "login?link=true"), guest.get("access_token").asText(),
                "{\"key\":\"" + key.json().get("key").asText() + "\"}");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        return new Held(guest.get("user_id").asText(), link.json().get("access_token").asText(), refresh, null);
    }

    /** An admin API call ({@code path} below {@code /api/admin/v1/apps/<first app>}). */
    public Http.Reply admin(String method, String path, String body) {
        return server.send(method, server.baseUrl() + "/api/admin/v1/apps/" + server.appId() + path, adminToken, body);
    }

    /** An admin API call on the user; fails unless 2xx. */
    public void adminOnUser(String method, String suffix, String userId) {
        Http.Reply r = admin(method, "/users/" + userId + suffix, null);
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
    }
}
