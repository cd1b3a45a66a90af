package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.admin.ServerKeys;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;

/** Admin tokens, server API keys, stats and events. */
final class AdminMiscEndpoints {
    private final AdminServices s;

    AdminMiscEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        r.guarded(Method.GET, "/tokens", (req, res) -> Responses.jsonWithNulls(res, 200, s.tokens().list().stream()
                .map(t -> AdminViews.map("id", t.id(), "name", t.name(), "created_at", t.createdAt())).toList()));
        r.guarded(Method.POST, "/tokens", (req, res) -> {
            AdminTokens.Created c = s.tokens().create(AdminAppEndpoints.text(Requests.jsonObject(req), "name"));
            Responses.jsonWithNulls(res, 201, AdminViews.map("id", c.token().id(), "name", c.token().name(),
                    "created_at", c.token().createdAt(), "token", c.secret()));
        });
        r.guarded(Method.DELETE, "/tokens/{tokenId}", (req, res) -> {
            s.tokens().revoke(path(req, "tokenId"));
            Responses.noContent(res);
        });
        r.guarded(Method.GET, "/apps/{appId}/api_keys", (req, res) -> Responses.jsonWithNulls(res, 200,
                s.serverKeys().list(path(req, "appId")).stream().map(k -> AdminViews.serverKey(k, null)).toList()));
        r.guarded(Method.POST, "/apps/{appId}/api_keys", (req, res) -> {
            ServerKeys.Created c = s.serverKeys().create(path(req, "appId"), AdminAppEndpoints.text(Requests.jsonObject(req), "name"));
            Responses.jsonWithNulls(res, 201, AdminViews.serverKey(c.key(), c.secret()));
        });
        r.guarded(Method.DELETE, "/apps/{appId}/api_keys/{keyId}", (req, res) -> {
            s.serverKeys().delete(path(req, "appId"), path(req, "keyId"));
            Responses.noContent(res);
        });
        r.guarded(Method.GET, "/apps/{appId}/stats", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.stats(s.stats().stats(path(req, "appId"), AdminRequests.integer(req, "hours", 48)))));
        r.guarded(Method.GET, "/apps/{appId}/events", (req, res) -> {
            String appId = path(req, "appId");
            s.apps().get(appId);
            int limit = AdminRequests.integer(req, "limit", 100);
            if (limit < 1 || limit > 1000) {
                throw new AuthException(ErrorCode.InvalidParameter, "limit must be 1..1000");
            }
            Responses.jsonWithNulls(res, 200, s.events().recent(appId, limit).stream().map(AdminViews::event).toList());
        });
    }
}
