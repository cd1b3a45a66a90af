package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.admin.UserAdmin;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;

/** Users: list with filters and a cursor, detail, disable, enable, delete, revoke, bulk delete. */
final class AdminUserEndpoints {
    private final AdminServices s;

    AdminUserEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        String user = "/apps/{appId}/users/{userId}";
        r.guarded(Method.GET, "/apps/{appId}/users", (req, res) -> {
            UserAdmin.Page page = s.users().list(path(req, "appId"), AdminRequests.filter(req),
                    req.query().first("cursor").orElse(null), AdminRequests.integer(req, "limit", 50));
            Responses.jsonWithNulls(res, 200, AdminViews.map("users", page.users().stream().map(AdminViews::user).toList(),
                    "next_cursor", page.nextCursor()));
        });
        r.guarded(Method.POST, "/apps/{appId}/users/bulk-delete", (req, res) -> {
            JsonNode body = Requests.jsonObject(req);
            if (body.has("dry_run") && !body.get("dry_run").isBoolean()) {
                throw new AuthException(ErrorCode.InvalidParameter, "dry_run must be true or false");
            }
            if (body.has("all") && !body.get("all").isBoolean()) {
                throw new AuthException(ErrorCode.InvalidParameter, "all must be true or false");
            }
            boolean dryRun = !body.has("dry_run") || body.get("dry_run").asBoolean();
            boolean everyone = body.has("all") && body.get("all").asBoolean();
            long count = s.users().bulkDelete(path(req, "appId"), AdminRequests.filter(body), dryRun, everyone);
            Responses.jsonWithNulls(res, 200, AdminViews.map("dry_run", dryRun, "count", count));
        });
        r.guarded(Method.GET, user, (req, res) ->
                Responses.jsonWithNulls(res, 200, AdminViews.detail(s.users().get(path(req, "appId"), path(req, "userId")))));
        r.guarded(Method.DELETE, user, (req, res) -> {
            s.users().delete(path(req, "appId"), path(req, "userId"));
            Responses.noContent(res);
        });
        r.guarded(Method.POST, user + "/disable", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.detail(s.users().setDisabled(path(req, "appId"), path(req, "userId"), true))));
        r.guarded(Method.POST, user + "/enable", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.detail(s.users().setDisabled(path(req, "appId"), path(req, "userId"), false))));
        r.guarded(Method.POST, user + "/revoke", (req, res) -> Responses.jsonWithNulls(res, 200,
                AdminViews.map("revoked", s.users().revoke(path(req, "appId"), path(req, "userId")))));
    }
}
