package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.ScriptedServer;
import dev.atrium.client.testing.ScriptedServer.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code …Async} form of every network call: same request, on the App's executor, same exceptions. */
class AsyncCallsTest {
    static final String KEYS = ScriptedAtrium.CLIENT + "/auth/api_keys";
    static final String KEY = "65f0c0ffee0123456789aaaa";
    static final String USERPASS = ScriptedAtrium.CLIENT + "/app/" + ScriptedAtrium.APP_ID + "/auth/providers/local-userpass/";

    final ScriptedAtrium atrium = new ScriptedAtrium();
    final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "app-pool"));

    @AfterEach
    void close() {
        atrium.close();
        pool.shutdownNow();
    }

    @Test
    void everyAsyncCallSendsItsRequestFromTheConfiguredExecutor() {
        ScriptedServer server = atrium.server;
        String keyJson = "{\"_id\":\"" + KEY + "\",\"name\":\"k\",\"disabled\":false}";
        server.on("POST", KEYS, Answer.json(201, keyJson));
        server.on("GET", KEYS, Answer.json(200, "[" + keyJson + "]"));
        server.on("GET", KEYS + "/" + KEY, Answer.json(200, keyJson));
        for (String route : new String[] {"PUT " + KEYS + "/" + KEY + "/enable", "PUT " + KEYS + "/" + KEY + "/disable",
                "DELETE " + KEYS + "/" + KEY, "DELETE " + ScriptedAtrium.CLIENT + "/auth/delete"}) {
            server.on(route.split(" ")[0], route.split(" ")[1], new Answer(204, null, null, Map.of()));
        }
        for (String suffix : new String[] {"register", "confirm", "confirm/send", "confirm/call", "reset/send", "reset", "reset/call"}) {
            server.on("POST", USERPASS + suffix, new Answer(204, null, null, Map.of()));
        }
        server.on("POST", ScriptedAtrium.CLIENT + "/app/" + ScriptedAtrium.APP_ID + "/auth/providers/api-key/login",
                Answer.json(200, "{\"access_token\":\"" + dev.atrium.client.testing.Tokens.valid(ScriptedAtrium.USER_ID) + "\"}"));
        Map<String, String> threads = new java.util.concurrent.ConcurrentHashMap<>();
        try (App app = App.builder(ScriptedAtrium.APP_ID, server.url(), new InMemoryUserStorage())
                .executor(task -> pool.execute(() -> {
                    threads.put("ran", Thread.currentThread().getName());
                    task.run();
                })).build()) {
            User user = app.loginAsync(Credentials.anonymous()).join();
            EmailPasswordAuth userpass = app.emailPasswordAuth();
            Map<String, Function<User, CompletableFuture<?>>> calls = new LinkedHashMap<>();
            calls.put("GET /auth/profile", u -> u.refreshProfileAsync());
            calls.put("POST /auth/session", u -> u.refreshCustomDataAsync());
            calls.put("POST /auth/providers/api-key/login", u -> u.linkCredentialsAsync(Credentials.apiKey("k")));
            calls.put("POST /auth/api_keys", u -> u.apiKeys().createAsync("k"));
            calls.put("GET /auth/api_keys", u -> u.apiKeys().listAsync());
            calls.put("GET /auth/api_keys/" + KEY, u -> u.apiKeys().fetchAsync(KEY));
            calls.put("PUT /auth/api_keys/" + KEY + "/enable", u -> u.apiKeys().enableAsync(KEY));
            calls.put("PUT /auth/api_keys/" + KEY + "/disable", u -> u.apiKeys().disableAsync(KEY));
            calls.put("DELETE /auth/api_keys/" + KEY, u -> u.apiKeys().deleteAsync(KEY));
            calls.put("POST /local-userpass/register", u -> userpass.registerUserAsync("a@example.com", "secret12"));
            calls.put("POST /local-userpass/confirm", u -> userpass.confirmUserAsync("t", "tid"));
            calls.put("POST /local-userpass/confirm/send", u -> userpass.resendConfirmationEmailAsync("a@example.com"));
            calls.put("POST /local-userpass/confirm/call", u -> userpass.retryCustomConfirmationAsync("a@example.com"));
            calls.put("POST /local-userpass/reset/send", u -> userpass.sendResetPasswordEmailAsync("a@example.com"));
            calls.put("POST /local-userpass/reset", u -> userpass.resetPasswordAsync("t", "tid", "secret34"));
            calls.put("POST /local-userpass/reset/call", u -> userpass.callResetPasswordFunctionAsync("a@example.com", "secret34", 1));
            calls.put("DELETE /auth/delete", u -> app.deleteUserAsync(u));

            for (Map.Entry<String, Function<User, CompletableFuture<?>>> call : calls.entrySet()) {
                int before = server.received().size();
                call.getValue().apply(user).join();
                String[] expected = call.getKey().split(" ");
                assertThat(server.received().subList(before, server.received().size()))
                        .as(call.getKey()).anySatisfy(r -> assertThat(r).startsWith(expected[0] + " ").endsWith(expected[1]));
            }
            assertThat(threads.get("ran")).isEqualTo("app-pool");
            assertThat(user.state()).isEqualTo(UserState.Removed); // the last call deleted it
        }
    }

    @Test
    void asyncFailureCompletesExceptionallyWithTheSdkException() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, Answer.json(401, "{\"error\":\"unauthorized\",\"error_code\":\"InvalidPassword\"}"));

        CompletableFuture<User> login = atrium.app.loginAsync(Credentials.anonymous());

        assertThatThrownBy(login::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void logOutAsyncLogsOutAndRemoveUserAsyncForgets() throws Exception {
        User guest = atrium.app.loginAsync(Credentials.anonymous()).get(10, TimeUnit.SECONDS);

        guest.logOutAsync().get(10, TimeUnit.SECONDS);
        assertThat(guest.state()).isEqualTo(UserState.Removed);

        User again = atrium.app.login(Credentials.anonymous(false));
        atrium.app.removeUserAsync(again).get(10, TimeUnit.SECONDS);
        assertThat(atrium.app.allUsers()).isEmpty();
    }

    @Test
    void asyncCallOnAClosedAppFailsWithClientAppClosed() {
        atrium.app.close();

        assertThatThrownBy(() -> atrium.app.loginAsync(Credentials.anonymous()).join())
                .hasCauseInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e.getCause()).code()).isEqualTo(ClientErrorCode.ClientAppClosed));
    }
}
