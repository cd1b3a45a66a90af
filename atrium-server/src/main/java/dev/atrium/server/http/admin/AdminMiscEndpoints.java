package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import dev.atrium.core.admin.AdminTokens;
import dev.atrium.core.admin.ServerKeys;
import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;

/** Admin tokens, server API keys, stats, events (list, retry of failed deliveries, the webhook's state). */
final class AdminMiscEndpoints {
    private final AdminServices s;

    AdminMiscEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        r.json(Method.GET, "/tokens", 200, req -> {
            String current = s.tokens().verify(Requests.bearer(req)).id(); // the guard checked it already
            return s.tokens().list().stream().map(t -> AdminViews.map("id", t.id(), "name", t.name(), "created_at", t.createdAt(),
                    "current", t.id().equals(current))).toList();
        });
        r.json(Method.POST, "/tokens", 201, req -> {
            AdminTokens.Created c = s.tokens().create(AdminAppEndpoints.text(Requests.jsonObject(req), "name"));
            return AdminViews.map("id", c.token().id(), "name", c.token().name(),
                    "created_at", c.token().createdAt(), "token", c.secret());
        });
        r.guarded(Method.DELETE, "/tokens/{tokenId}", (req, res) -> {
            s.tokens().revoke(path(req, "tokenId"));
            Responses.noContent(res);
        });
        r.json(Method.GET, "/apps/{appId}/api_keys", 200, req ->
                s.serverKeys().list(path(req, "appId")).stream().map(k -> AdminViews.serverKey(k, null)).toList());
        r.json(Method.POST, "/apps/{appId}/api_keys", 201, req -> {
            ServerKeys.Created c = s.serverKeys().create(path(req, "appId"), AdminAppEndpoints.text(Requests.jsonObject(req), "name"));
            return AdminViews.serverKey(c.key(), c.secret());
        });
        r.guarded(Method.DELETE, "/apps/{appId}/api_keys/{keyId}", (req, res) -> {
            s.serverKeys().delete(path(req, "appId"), path(req, "keyId"));
            Responses.noContent(res);
        });
        r.json(Method.GET, "/apps/{appId}/stats", 200, req ->
                AdminViews.stats(s.stats().stats(path(req, "appId"), AdminRequests.integer(req, "hours", 48))));
        r.json(Method.GET, "/apps/{appId}/events", 200, req -> s.events().recent(path(req, "appId"), AdminRequests.events(req),
                AdminRequests.integer(req, "limit", 100)).stream().map(AdminViews::event).toList());
        r.json(Method.POST, "/apps/{appId}/events/retry", 200, req ->
                AdminViews.map("retried", s.events().retryFailed(path(req, "appId"))));
        r.json(Method.GET, "/apps/{appId}/events/webhook", 200, req -> {
            String appId = path(req, "appId");
            return AdminViews.webhook(s.apps().get(appId).settings(), s.events().failing(appId));
        });
    }
}
