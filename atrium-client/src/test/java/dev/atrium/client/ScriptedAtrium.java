package dev.atrium.client;

import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.CountingTransport;
import dev.atrium.client.testing.ScriptedServer;
import dev.atrium.client.testing.ScriptedServer.Answer;
import dev.atrium.client.testing.Tokens;
import dev.atrium.client.testing.TransportKind;

/**
 * A {@link ScriptedServer} that answers a guest login and profile like Atrium does, plus an App
 * over it; tests then script the answer they are about.
 */
final class ScriptedAtrium implements AutoCloseable {
    static final String APP_ID = "scripted-app";
    static final String USER_ID = "65f0c0ffee0123456789abcd";
    static final String CLIENT = "/api/client/v2.0";
    static final String LOGIN = CLIENT + "/app/" + APP_ID + "/auth/providers/anon-user/login";
    static final String PROFILE = CLIENT + "/auth/profile";
    static final String SESSION = CLIENT + "/auth/session";

    final ScriptedServer server = new ScriptedServer();
    final InMemoryUserStorage storage = new InMemoryUserStorage();
    final CountingTransport http;
    final App app;

    /** Over the JVM's default transport. */
    ScriptedAtrium() {
        this(TransportKind.JDK);
    }

    ScriptedAtrium(TransportKind kind) {
        http = new CountingTransport(kind);
        app = App.builder(APP_ID, server.url(), storage).transport(http).build();
        server.on("POST", LOGIN, () -> Answer.json(200, loginBody(Tokens.valid(USER_ID), Tokens.valid(USER_ID))));
        server.on("GET", PROFILE, Answer.json(200, profileBody()));
        server.on("POST", SESSION, () -> Answer.json(201, "{\"access_token\":\"" + Tokens.valid(USER_ID) + "\"}"));
        server.on("DELETE", SESSION, new Answer(204, null, null, java.util.Map.of()));
    }

    static String loginBody(String accessToken, String refreshToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken
                + "\",\"user_id\":\"" + USER_ID + "\",\"device_id\":\"65f0c0ffee0123456789abce\"}";
    }

    static String profileBody() {
        return "{\"user_id\":\"" + USER_ID + "\",\"type\":\"normal\",\"identities\":[{\"id\":\"i1\","
                + "\"provider_type\":\"anon-user\",\"provider_id\":\"p1\",\"provider_data\":{}}],\"data\":{}}";
    }

    /** The answer Atrium gives a refused token. */
    static Answer unauthorized() {
        return Answer.json(401, "{\"error\":\"unauthorized\",\"error_code\":\"InvalidSession\"}");
    }

    long sent(String method, String path) {
        return http.count(method, path);
    }

    @Override
    public void close() {
        app.close();
        http.close();
        server.close();
    }
}
