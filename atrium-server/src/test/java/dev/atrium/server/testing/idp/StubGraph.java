package dev.atrium.server.testing.idp;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Graph API's {@code /<version>/debug_token} (asked with the app access token
 * {@code app_id|app_secret}) and {@code /<version>/me} (with the user's token and, when sent, an
 * {@code appsecret_proof} that must be right), for user tokens made by {@link #token}.
 */
final class StubGraph {
    record User(String id, String name, String email, String appId) {}

    private final String appId;
    private final String appSecret;
    private final Map<String, User> tokens = new ConcurrentHashMap<>();
    /** The path of every Graph request, in order (the version is in it). */
    final List<String> paths = new CopyOnWriteArrayList<>();

    StubGraph(String appId, String appSecret) {
        this.appId = appId;
        this.appSecret = appSecret;
    }

    /** A user access token of {@code user}. */
    String token(User user) {
        String token = "EAA" + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, user);
        return token;
    }

    void serve(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        paths.add(path);
        Map<String, String> query = StubExchange.form(x.getRequestURI().getRawQuery());
        if (path.endsWith("/debug_token")) {
            debug(x, query);
        } else if (path.endsWith("/me")) {
            me(x, query);
        } else {
            StubExchange.json(x, 404, error("Unknown path components: " + path, 2500));
        }
    }

    private void debug(HttpExchange x, Map<String, String> query) throws IOException {
        if (!(appId + "|" + appSecret).equals(StubExchange.bearer(x))) {
            StubExchange.json(x, 400, error("Invalid OAuth access token - Cannot parse access token", 190));
            return;
        }
        User user = tokens.get(query.getOrDefault("input_token", ""));
        Map<String, Object> data = new LinkedHashMap<>();
        if (user == null) {
            data.put("error", Map.of("code", 190, "message", "Invalid OAuth access token."));
            data.put("is_valid", false);
        } else {
            data.put("app_id", user.appId());
            data.put("type", "USER");
            data.put("application", "Stub app");
            data.put("expires_at", 4_102_444_800L);
            data.put("is_valid", true);
            data.put("scopes", List.of("email", "public_profile"));
            data.put("user_id", user.id());
        }
        StubExchange.json(x, 200, Map.of("data", data));
    }

    private void me(HttpExchange x, Map<String, String> query) throws IOException {
        String token = StubExchange.bearer(x);
        User user = token == null ? null : tokens.get(token);
        if (user == null) {
            StubExchange.json(x, 400, error("Invalid OAuth access token.", 190));
            return;
        }
        if (query.containsKey("appsecret_proof") && !query.get("appsecret_proof").equals(proof(token))) {
            StubExchange.json(x, 400, error("Invalid appsecret_proof provided in the API argument", 100));
            return;
        }
        Map<String, Object> me = new LinkedHashMap<>();
        for (String field : query.getOrDefault("fields", "id").split(",")) {
            Object v = switch (field) {
                case "id" -> user.id();
                case "name" -> user.name();
                case "email" -> user.email();
                default -> null;
            };
            if (v != null) {
                me.put(field, v);
            }
        }
        StubExchange.json(x, 200, me);
    }

    private String proof(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> error(String message, int code) {
        return Map.of("error", Map.of("message", message, "type", "OAuthException", "code", code));
    }
}
