package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Json;
import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;
import java.util.Map;

/** Apps, settings, providers and signing keys. */
final class AdminAppEndpoints {
    private final AdminServices s;

    AdminAppEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        r.guarded(Method.GET, "/apps", (req, res) -> Responses.jsonWithNulls(res, 200, AdminViews.apps(s.apps().list())));
        r.guarded(Method.POST, "/apps", (req, res) ->
                Responses.jsonWithNulls(res, 201, AdminViews.app(s.apps().create(text(Requests.jsonObject(req), "name")))));
        r.guarded(Method.GET, "/apps/{appId}", (req, res) -> Responses.jsonWithNulls(res, 200, AdminViews.app(s.apps().get(path(req, "appId")))));
        r.guarded(Method.PATCH, "/apps/{appId}/settings", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.settings(s.apps().patchSettings(path(req, "appId"), object(Requests.jsonObject(req))))));
        r.guarded(Method.GET, "/apps/{appId}/providers", (req, res) -> Responses.jsonWithNulls(res, 200,
                s.apps().providers(path(req, "appId")).stream().map(AdminViews::provider).toList()));
        r.guarded(Method.PUT, "/apps/{appId}/providers/{type}", (req, res) -> {
            JsonNode body = Requests.jsonObject(req);
            if (body.has("enabled") && !body.get("enabled").isBoolean()) {
                throw new AuthException(ErrorCode.InvalidParameter, "enabled must be true or false");
            }
            if (body.has("config") && !body.get("config").isObject()) {
                throw new AuthException(ErrorCode.InvalidParameter, "config must be an object");
            }
            Boolean enabled = body.has("enabled") ? body.get("enabled").asBoolean() : null;
            Map<String, Object> config = body.has("config") ? object(body.get("config")) : null;
            Responses.jsonWithNulls(res, 200, AdminViews.provider(s.apps().configure(path(req, "appId"), path(req, "type"), enabled, config)));
        });
        r.guarded(Method.POST, "/apps/{appId}/providers/{type}/enable", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.provider(s.apps().configure(path(req, "appId"), path(req, "type"), true, null))));
        r.guarded(Method.POST, "/apps/{appId}/providers/{type}/disable", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.provider(s.apps().configure(path(req, "appId"), path(req, "type"), false, null))));
        r.guarded(Method.GET, "/apps/{appId}/signing_keys", (req, res) -> Responses.jsonWithNulls(res, 200,
                s.apps().signingKeys(path(req, "appId")).stream().map(AdminViews::signingKey).toList()));
        r.guarded(Method.POST, "/apps/{appId}/signing_keys/rotate", (req, res) -> {
            JsonNode body = Requests.jsonObject(req); // empty: keep the algorithm
            JsonNode alg = body.get("alg");
            if (alg != null && !alg.isNull() && !alg.isTextual()) {
                throw new AuthException(ErrorCode.InvalidParameter, "alg must be a string (EdDSA or ES256)");
            }
            Responses.jsonWithNulls(res, 200, AdminViews.signingKey(s.apps().rotate(path(req, "appId"),
                    alg == null || alg.isNull() ? null : alg.asText())));
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
