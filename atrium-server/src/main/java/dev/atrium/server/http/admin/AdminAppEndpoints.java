package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Json;
import dev.atrium.server.http.Requests;
import io.helidon.http.Method;
import java.util.Map;

/** The installed providers; apps, their settings, providers and signing keys. */
final class AdminAppEndpoints {
    private final AdminServices s;

    AdminAppEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        r.json(Method.GET, "/providers", 200, req -> ProviderViews.installed(s.apps().installed().all()));
        r.json(Method.GET, "/apps", 200, req -> AdminViews.apps(s.apps().list()));
        r.json(Method.POST, "/apps", 201, req -> AdminViews.app(s.apps().create(text(Requests.jsonObject(req), "name"))));
        r.json(Method.GET, "/apps/{appId}", 200, req -> AdminViews.app(s.apps().get(path(req, "appId"))));
        r.json(Method.PATCH, "/apps/{appId}/settings", 200, req ->
                AdminViews.settings(s.apps().patchSettings(path(req, "appId"), object(Requests.jsonObject(req)))));
        r.json(Method.GET, "/apps/{appId}/providers", 200, req ->
                s.apps().providers(path(req, "appId")).stream().map(AdminViews::provider).toList());
        r.json(Method.PUT, "/apps/{appId}/providers/{type}", 200, req -> {
            JsonNode body = Requests.jsonObject(req);
            Boolean enabled = AdminRequests.optionalBoolean(body, "enabled");
            if (body.has("config") && !body.get("config").isObject()) {
                throw new AuthException(ErrorCode.InvalidParameter, "config must be an object");
            }
            Map<String, Object> config = body.has("config") ? object(body.get("config")) : null;
            return AdminViews.provider(s.apps().configure(path(req, "appId"), path(req, "type"), enabled, config));
        });
        r.json(Method.POST, "/apps/{appId}/providers/{type}/enable", 200, req ->
                AdminViews.provider(s.apps().configure(path(req, "appId"), path(req, "type"), true, null)));
        r.json(Method.POST, "/apps/{appId}/providers/{type}/disable", 200, req ->
                AdminViews.provider(s.apps().configure(path(req, "appId"), path(req, "type"), false, null)));
        r.json(Method.GET, "/apps/{appId}/signing_keys", 200, req ->
                s.apps().signingKeys(path(req, "appId")).stream().map(AdminViews::signingKey).toList());
        r.json(Method.POST, "/apps/{appId}/signing_keys/rotate", 200, req -> {
            JsonNode body = Requests.jsonObject(req); // empty: keep the algorithm
            JsonNode alg = body.get("alg");
            if (alg != null && !alg.isNull() && !alg.isTextual()) {
                throw new AuthException(ErrorCode.InvalidParameter, "alg must be a string (ES256 or EdDSA)");
            }
            return AdminViews.signingKey(s.apps().rotate(path(req, "appId"),
                    alg == null || alg.isNull() ? null : alg.asText()));
        });
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: " + field + " (a string)");
        }
        return v.asText();
    }

    static Map<String, Object> object(JsonNode node) {
        return Json.MAPPER.convertValue(node, Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }
}
