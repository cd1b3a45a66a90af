package dev.atrium.server.http;

import dev.atrium.api.ApiKeyResponse;
import dev.atrium.api.ApiPaths;
import dev.atrium.core.auth.RefreshCaller;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.auth.apikey.ApiKeyService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/** User API keys (docs/client-api.md, User and session routes), under the caller's refresh token (checked by {@link Callers}). */
final class ApiKeyEndpoints {
    static final String KEYS = ApiPaths.AUTH + "/api_keys";
    static final String KEY = KEYS + "/{keyId}";
    static final List<String> PATHS = List.of(KEYS, KEY, KEY + "/enable", KEY + "/disable");

    private final ApiKeyService keys;
    private final Callers callers;

    ApiKeyEndpoints(ApiKeyService keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    void register(HttpRouting.Builder r) {
        r.post(KEYS, (req, res) -> {
            RefreshCaller caller = callers.refresh(req);
            com.fasterxml.jackson.databind.JsonNode body = Requests.jsonObject(req);
            String name = body.path("name").isTextual() ? body.get("name").asText() : null;
            ApiKeyService.Created created = keys.create(caller, name);
            ApiKey k = created.key();
            Responses.json(res, 201, new ApiKeyResponse(k.id(), created.secret(), k.name(), k.disabled()));
        });
        r.get(KEYS, (req, res) -> Responses.json(res, 200, keys.list(callers.refresh(req)).stream().map(ApiKeyEndpoints::view).toList()));
        r.get(KEY, (req, res) -> Responses.json(res, 200, view(keys.get(callers.refresh(req), keyId(req)))));
        r.delete(KEY, (req, res) -> {
            keys.delete(callers.refresh(req), keyId(req));
            Responses.noContent(res);
        });
        r.put(KEY + "/enable", (req, res) -> {
            keys.setDisabled(callers.refresh(req), keyId(req), false);
            Responses.noContent(res);
        });
        r.put(KEY + "/disable", (req, res) -> {
            keys.setDisabled(callers.refresh(req), keyId(req), true);
            Responses.noContent(res);
        });
    }

    private static ApiKeyResponse view(ApiKey k) {
        return new ApiKeyResponse(k.id(), null, k.name(), k.disabled());
    }

    private static String keyId(ServerRequest req) {
        return req.path().pathParameters().get("keyId");
    }
}
