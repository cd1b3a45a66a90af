package dev.atrium.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.LoginResponse;
import dev.atrium.api.ProfileResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client API's operations as typed calls, each checking what its answer must
 * hold before anything uses it. Tokens are passed in: choosing which token, and refreshing it, is
 * {@link TokenRefresher}'s job. Thread-safe.
 */
final class ClientApi {
    private final Exchange transport;
    private final Routes routes;
    private final Location location;
    private final String appId;

    ClientApi(Exchange transport, Routes routes, Location location, String appId) {
        this.transport = transport;
        this.routes = routes;
        this.location = location;
        this.appId = appId;
    }

    /**
     * Logs in (or links, when {@code linkAccessToken} is not null) with a provider.
     * Core adds {@code provider} to the body; the server accepts it and any unknown field.
     */
    LoginResponse login(String provider, Map<String, Object> fields, String deviceId, String linkAccessToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", provider);
        body.putAll(fields);
        body.put("options", DeviceInfo.options(appId, deviceId));
        boolean link = linkAccessToken != null;
        String route = link ? "link" : "login";
        JsonNode json = WireJson.object(call("POST", h -> routes.login(h, provider, link), linkAccessToken, body), route);
        LoginResponse answer = new LoginResponse(WireJson.text(json, "access_token"), WireJson.text(json, "refresh_token"),
                WireJson.text(json, "user_id"), WireJson.text(json, "device_id"));
        Jwt.parse(WireJson.require(answer.accessToken(), "access_token", route));
        if (!link) {
            // Core requires all four; on a link it reads only the access token.
            WireJson.require(answer.userId(), "user_id", route);
            WireJson.require(answer.deviceId(), "device_id", route);
            Jwt.parse(WireJson.require(answer.refreshToken(), "refresh_token", route));
        }
        return answer;
    }

    /** {@code GET /auth/profile}: identities (each with id and provider_type) and data are required. */
    ProfileResponse profile(String accessToken) {
        String route = "profile";
        JsonNode json = WireJson.object(call("GET", routes::profile, accessToken, null), route);
        JsonNode identities = json.get("identities");
        if (identities == null || identities.isNull()) {
            WireJson.require(null, "identities", route);
        }
        if (!identities.isArray()) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answer's identities is not an array");
        }
        List<ProfileResponse.IdentityView> views = new ArrayList<>();
        for (JsonNode identity : identities) {
            if (!identity.isObject()) {
                throw new ClientException(ClientErrorCode.MalformedJson, route + " answer's identity is not an object");
            }
            views.add(new ProfileResponse.IdentityView(WireJson.require(WireJson.text(identity, "id"), "identities[].id", route),
                    WireJson.require(WireJson.text(identity, "provider_type"), "identities[].provider_type", route),
                    WireJson.text(identity, "provider_id"), Map.of()));
        }
        JsonNode data = json.get("data");
        if (data == null || data.isNull()) {
            WireJson.require(null, "data", route);
        }
        if (!data.isObject()) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answer's data is not an object");
        }
        return new ProfileResponse(WireJson.text(json, "user_id"), WireJson.text(json, "domain_id"), WireJson.text(json, "type"),
                views, WireJson.toMap(data));
    }

    /** {@code POST /auth/session} with the refresh token: a new access token. */
    String refresh(String refreshToken) {
        String route = "refresh";
        JsonNode json = WireJson.object(call("POST", routes::session, refreshToken, null), route);
        String token = WireJson.require(WireJson.text(json, "access_token"), "access_token", route);
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

    /** {@code POST …/local-userpass/<suffix>} without Authorization; any 2xx is success. */
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

    /** An API key object; {@code _id} must be a plain string, {@code {"$oid"}} is tolerated. */
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
