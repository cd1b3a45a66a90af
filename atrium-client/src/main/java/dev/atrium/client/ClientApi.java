package dev.atrium.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.AccessTokenResponse;
import dev.atrium.api.LoginResponse;
import dev.atrium.api.ProfileResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client API's operations as typed calls (docs/client-api.md, Login and linking; User and session routes; E-mail/password routes), each checking what its answer must
 * hold before anything uses it. Tokens are passed in: choosing which token, and refreshing it, is
 * {@link TokenRefresher}'s job. Thread-safe.
 */
final class ClientApi {
    private final Transport transport;
    private final Routes routes;
    private final Location location;
    private final String appId;

    ClientApi(Transport transport, Routes routes, Location location, String appId) {
        this.transport = transport;
        this.routes = routes;
        this.location = location;
        this.appId = appId;
    }

    /**
     * Logs in (or links, when {@code linkAccessToken} is not null) with a provider (docs/client-api.md, Login and linking).
     * Core adds {@code provider} to the body; the server accepts it and any unknown field.
     */
    LoginResponse login(String provider, Map<String, Object> fields, String deviceId, String linkAccessToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider);
        body.putAll(fields);
        body.put("options", DeviceInfo.options(appId, deviceId));
        boolean link = linkAccessToken != null;
        String route = link ? "link" : "login";
        LoginResponse answer = WireJson.read(call("POST", h -> routes.login(h, provider, link), linkAccessToken, body),
                LoginResponse.class, route);
        Jwt.parse(WireJson.require(answer.accessToken(), "access_token", route));
        if (!link) {
            // Core requires all four (docs/client-api.md, Login and linking); on a link it reads only the access token.
            WireJson.require(answer.userId(), "user_id", route);
            WireJson.require(answer.deviceId(), "device_id", route);
            Jwt.parse(WireJson.require(answer.refreshToken(), "refresh_token", route));
        }
        return answer;
    }

    /** {@code GET /auth/profile}: identities (each with id and provider_type) and data are required (docs/client-api.md, User and session routes). */
    ProfileResponse profile(String accessToken) {
        String route = "profile";
        ProfileResponse answer = WireJson.read(call("GET", routes::profile, accessToken, null), ProfileResponse.class, route);
        if (answer.identities() == null) {
            WireJson.require(null, "identities", route);
        }
        for (ProfileResponse.IdentityView identity : answer.identities()) {
            WireJson.require(identity.id(), "identities[].id", route);
            WireJson.require(identity.providerType(), "identities[].provider_type", route);
        }
        if (answer.data() == null) {
            WireJson.require(null, "data", route);
        }
        return answer;
    }

    /** {@code POST /auth/session} with the refresh token: a new access token (docs/client-api.md, User and session routes, no rotation). */
    String refresh(String refreshToken) {
        String route = "refresh";
        AccessTokenResponse answer = WireJson.read(call("POST", routes::session, refreshToken, null),
                AccessTokenResponse.class, route);
        String token = WireJson.require(answer.accessToken(), "access_token", route);
        Jwt.parse(token);
        return token;
    }

    /** {@code DELETE /auth/session} with the refresh token. */
    void logout(String refreshToken) {
        call("DELETE", routes::session, refreshToken, null);
    }

    /** {@code DELETE /auth/delete} with the access token. */
    void deleteUser(String accessToken) {
        call("DELETE", routes::delete, accessToken, null);
    }

    ApiKey createApiKey(String refreshToken, String name) {
        return apiKey(WireJson.tree(call("POST", routes::apiKeys, refreshToken, Map.of("name", name)), "create api key"),
                "create api key");
    }

    ApiKey fetchApiKey(String refreshToken, String id) {
        return apiKey(WireJson.tree(call("GET", h -> routes.apiKey(h, id, null), refreshToken, null), "fetch api key"),
                "fetch api key");
    }

    List<ApiKey> listApiKeys(String refreshToken) {
        String route = "list api keys";
        JsonNode array = WireJson.tree(call("GET", routes::apiKeys, refreshToken, null), route);
        if (!array.isArray()) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answer is not a JSON array");
        }
        List<ApiKey> keys = new ArrayList<>();
        array.forEach(node -> keys.add(apiKey(node, route)));
        return List.copyOf(keys);
    }

    /** {@code DELETE /auth/api_keys/<id>} ({@code action} null) or {@code PUT …/<id>/enable|disable}. */
    void apiKeyCommand(String refreshToken, String method, String id, String action) {
        call(method, h -> routes.apiKey(h, id, action), refreshToken, null);
    }

    /** {@code POST …/local-userpass/<suffix>} without Authorization (docs/client-api.md, E-mail/password routes); any 2xx is success. */
    void emailPassword(String suffix, Map<String, Object> body) {
        call("POST", h -> routes.emailPassword(h, suffix), null, body);
    }

    private byte[] call(String method, Function<String, URI> route, String bearer, Object body) {
        String host = location.hostname();
        try {
            return transport.send(method, route.apply(host), bearer, body);
        } catch (NetworkException e) {
            location.forget(host);
            throw e;
        }
    }

    /** An API key object; {@code _id} must be a plain string (docs/client-api.md, User and session routes), {@code {"$oid"}} is tolerated. */
    private static ApiKey apiKey(JsonNode node, String route) {
        if (node == null || !node.isObject()) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answer is not an API key object");
        }
        JsonNode id = node.path("_id");
        if (id.isObject()) {
            id = id.path("$oid");
        }
        String key = node.path("key").isTextual() ? node.path("key").asText() : null;
        return new ApiKey(WireJson.require(id.isTextual() ? id.asText() : null, "_id", route),
                node.path("name").asText(null), key, !node.path("disabled").asBoolean(false));
    }
}
