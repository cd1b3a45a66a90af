package dev.atrium.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ApiPaths;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.http.DeviceIds;
import dev.atrium.server.http.JsonFields;
import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The client API's request handling as its routes run it, without the socket: a body of fuzzed
 * bytes (or a JSON document of the routes' field names with fuzzed values) is read by
 * {@link Requests#jsonObject(byte[])} and handed, as the route would, to login, link, the
 * userpass routes, profile, refresh, logout, delete, the API-key routes and the passkey routes of a real server on
 * the in-memory store, with fuzzed app ids, provider names and bearer tokens. The only documented
 * refusal is an {@link AuthException} (ErrorMapper's JSON with its code) whose message carries no
 * internal detail; anything else is a finding.
 *
 * <p>In-process calls, not HTTP: under Jazzer's agent (0.24, JDK 25) the server's virtual-thread
 * socket reads never wake, so the HTTP layer itself is covered by the scenario tests instead.
 */
public final class ClientApiFuzzer {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PROVIDERS = List.of(ApiPaths.ANON_USER, "local-userpass", "api-key", "custom-token",
            "oauth2-apple", "oauth2-google", "oauth2-facebook", "custom-function", "passkey");
    private static final String[] BODY_KEYS = {"username", "password", "email", "token", "tokenId", "key", "name",
        "options", "device", "deviceId", "arguments", "id_token", "$oid", "authCode", "accessToken", "nonce",
        "id", "rawId", "type", "response", "clientDataJSON", "authenticatorData", "signature", "userHandle",
        "attestationObject", "transports", "user_name"};
    /** Where the external-identity providers call: a closed loopback port, so a call fails at once. */
    private static final String NOWHERE = "http://127.0.0.1:1/";
    /** What only an exception's or a library's own text contains. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", "dev.atrium.", "com.fasterxml.",
            "com.nimbusds.", "java.lang.", "java.util.", "SQL", "tools.jackson.", "com.webauthn4j.");
    private static Atrium server;
    private static Router.Services api;
    private static String appId;
    private static String access;
    private static String refresh;
    private static int runs;

    private ClientApiFuzzer() {}

    /** Started on the first input: Jazzer runs fuzzerInitialize inside a class initializer of its own. */
    private static void start() throws Exception {
        Path dir = Files.createTempDirectory("atrium-fuzz-");
        // The smallest Argon2id the configuration allows: the fuzzer is after parsing, not hashing cost.
        AtriumConfig config = new AtriumConfig("127.0.0.1", 0, null, dir, null, 4, Duration.ofSeconds(2), null,
                Duration.ZERO, new AtriumConfig.PasswordHashing(8_192, 1, 1, 2, Duration.ofSeconds(2)), List.of(),
                new AtriumConfig.Lifecycle(Duration.ZERO, 1000, Duration.ZERO, 0, Duration.ofDays(7), Duration.ofSeconds(10)));
        server = Atrium.start(config, Clock.systemUTC(), new InMemoryStore());
        api = server.services();
        appId = server.firstStart().app().id();
        // What an operator does through the admin API: every provider reachable, one address signing up guests.
        var admin = Atrium.appAdmin(server.store(), Clock.systemUTC());
        admin.configure(appId, "local-userpass", true, Map.of());
        admin.configure(appId, "api-key", true, Map.of());
        admin.configure(appId, "oauth2-apple", true, Map.of("client_ids", List.of("app"), "jwks_url", NOWHERE));
        admin.configure(appId, "oauth2-google", true, Map.of("client_id", "web", "client_secret", "s", "jwks_url", NOWHERE,
                "token_url", NOWHERE));
        admin.configure(appId, "oauth2-facebook", true, Map.of("app_id", "1", "app_secret", "s", "graph_url", NOWHERE));
        admin.configure(appId, "custom-function", true, Map.of("function_url", NOWHERE, "function_secret", "s"));
        admin.configure(appId, "passkey", true, Map.of("rp_id", "localhost", "allowed_origins", List.of("http://localhost:5173")));
        admin.patchSettings(appId, Map.of("guest_rate_per_hour", 1_000_000_000, "guest_burst", 1_000_000_000));
        // The abuse limits stay on (their checks are fuzzed too) but high: the inputs come from a few keys.
        admin.patchSettings(appId, Map.of("login_failure_burst", 1_000_000, "email_burst", 1_000_000,
                "network_burst", 1_000_000, "network_rate_per_minute", 1_000_000));
        newGuest();
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) throws Exception {
        if (server == null) {
            start();
        }
        if (++runs % 500 == 0) {
            newGuest(); // inputs log guests out and delete them; keep a live session to aim at
        }
        int route = data.consumeInt(0, 17);
        String app = data.consumeInt(0, 7) == 0 ? data.consumeString(30) : appId;
        String provider = data.consumeInt(0, 5) == 0 ? data.consumeString(20) : data.pickValue(PROVIDERS);
        String bearer = switch (data.consumeInt(0, 3)) {
            case 0 -> access;
            case 1 -> refresh;
            default -> data.consumeString(300);
        };
        try {
            ObjectNode body = Requests.jsonObject(data.consumeBoolean() ? structured(data) : data.consumeRemainingAsBytes());
            call(route, app, provider, bearer, body, "10.0." + data.consumeInt(0, 255) + ".1");
        } catch (AuthException documented) {
            if (documented.getMessage() == null) {
                throw new AssertionError("a refusal without a message", documented);
            }
            // The caller's own app id and provider name may be echoed back; anything internal may not.
            String message = documented.getMessage().replace(app, "").replace(provider, "");
            for (String internal : INTERNALS) {
                if (message.contains(internal)) {
                    throw new AssertionError("a refusal that shows internals to an anonymous caller: " + message, documented);
                }
            }
        }
    }

    /** What each route does with the body it read (LoginEndpoints, UserpassEndpoints, SessionEndpoints, ApiKeyEndpoints, PasskeyEndpoints; the
     * token routes through the SessionGate, as Callers does). */
    private static void call(int route, String app, String provider, String bearer, ObjectNode body, String client) {
        RequestFields fields = JsonFields.of(body);
        switch (route) {
            case 0, 1, 2 -> api.auth().login(app, provider, fields, DeviceIds.from(body), client);
            case 3 -> api.auth().link(app, provider, fields, api.gate().access(bearer), client);
            case 4 -> api.userpass().register(app, fields, client);
            case 5 -> api.userpass().confirm(app, fields, client);
            case 6 -> api.userpass().resendConfirmation(app, fields, client);
            case 7 -> api.userpass().sendReset(app, fields, client);
            case 8 -> api.userpass().reset(app, fields, client);
            case 9 -> api.accounts().profile(api.gate().access(bearer));
            case 10 -> api.accounts().refresh(bearer);
            case 11 -> api.accounts().logout(bearer);
            case 12 -> api.accounts().deleteSelf(api.gate().access(bearer));
            case 13 -> api.apiKeys().create(api.gate().refresh(bearer), body.path("name").asText(null));
            case 14 -> api.apiKeys().list(api.gate().refresh(bearer));
            case 15 -> api.passkeys().loginOptions(app, client);
            case 16 -> api.passkeys().registrationOptions(app, api.gate().access(bearer), fields, client);
            default -> api.passkeys().register(app, api.gate().access(bearer), fields, client);
        }
    }

    /** A JSON object of the routes' own field names with fuzzed values, nested a little. */
    private static byte[] structured(FuzzedDataProvider data) {
        StringBuilder b = new StringBuilder("{");
        int n = data.consumeInt(0, 6);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append('"').append(BODY_KEYS[data.consumeInt(0, BODY_KEYS.length - 1)])
                    .append("\":").append(value(data, 2));
        }
        return b.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String value(FuzzedDataProvider data, int depth) {
        return switch (data.consumeInt(0, depth > 0 ? 7 : 4)) {
            case 0 -> JSON.valueToTree(data.consumeString(80)).toString();
            case 1 -> Long.toString(data.consumeLong());
            case 2 -> data.consumeBoolean() ? "true" : "false";
            case 3 -> "null";
            case 4 -> Double.toString(data.consumeRegularDouble());
            case 5 -> "[" + value(data, depth - 1) + "]";
            case 6 -> "{\"" + BODY_KEYS[data.consumeInt(0, BODY_KEYS.length - 1)] + "\":" + value(data, depth - 1) + "}";
            // binary as WebAuthn's JSON carries it, so the passkey routes' CBOR and client-data readers see bytes
            default -> "\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(data.consumeBytes(300)) + "\"";
        };
    }

    private static void newGuest() {
        var tokens = api.auth().login(appId, ApiPaths.ANON_USER, RequestFields.empty(), null, "127.0.0.1");
        access = tokens.accessToken();
        refresh = tokens.refreshToken();
    }
}
