package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.admin.BulkDelete;
import dev.atrium.core.admin.UserAdmin;
import dev.atrium.core.users.User;
import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;

/** Users: list (search, filters, sort, a cursor, the total), create, invite, detail, reset password, disable, enable, delete, revoke, bulk delete. */
final class AdminUserEndpoints {
    private final AdminServices s;

    AdminUserEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        String user = "/apps/{appId}/users/{userId}";
        r.json(Method.GET, "/apps/{appId}/users", 200, req -> {
            UserAdmin.Page page = s.users().list(path(req, "appId"), AdminRequests.filter(req), AdminRequests.sort(req),
                    req.query().first("cursor").orElse(null), AdminRequests.integer(req, "limit", 50));
            return AdminViews.map("users", page.users().stream().map(AdminViews::user).toList(),
                    "next_cursor", page.nextCursor(), "total", page.total());
        });
        r.json(Method.POST, "/apps/{appId}/users", 201, req -> {
            JsonNode body = Requests.jsonObject(req);
            String appId = path(req, "appId");
            User created = s.accounts().create(appId, AdminRequests.text(body, "email"), AdminRequests.text(body, "password"));
            return AdminViews.detail(s.users().get(appId, created.id()));
        });
        r.json(Method.POST, "/apps/{appId}/users/invite", 201, req -> {
            String appId = path(req, "appId");
            User invited = s.accounts().invite(appId, AdminRequests.text(Requests.jsonObject(req), "email"));
            return AdminViews.detail(s.users().get(appId, invited.id()));
        });
        r.json(Method.POST, "/apps/{appId}/users/bulk-delete", 200, req -> {
            JsonNode body = Requests.jsonObject(req);
            boolean dryRun = !Boolean.FALSE.equals(AdminRequests.optionalBoolean(body, "dry_run")); // default: count only
            boolean everyone = Boolean.TRUE.equals(AdminRequests.optionalBoolean(body, "all"));
            BulkDelete.Mode mode = dryRun ? BulkDelete.Mode.COUNT
                    : everyone ? BulkDelete.Mode.DELETE_EVEN_UNFILTERED : BulkDelete.Mode.DELETE;
            long count = s.users().bulkDelete(path(req, "appId"), new BulkDelete(AdminRequests.filter(body), mode));
            return AdminViews.map("dry_run", dryRun, "count", count);
        });
        r.json(Method.GET, user, 200, req -> AdminViews.detail(s.users().get(path(req, "appId"), path(req, "userId"))));
        r.guarded(Method.DELETE, user, (req, res) -> {
            s.users().delete(path(req, "appId"), path(req, "userId"));
            Responses.noContent(res);
        });
        r.json(Method.POST, user + "/disable", 200, req ->
                AdminViews.detail(s.users().setDisabled(path(req, "appId"), path(req, "userId"), true)));
        r.json(Method.POST, user + "/enable", 200, req ->
                AdminViews.detail(s.users().setDisabled(path(req, "appId"), path(req, "userId"), false)));
        r.json(Method.POST, user + "/reset-password", 200, req ->
                AdminViews.map("sent_to", s.accounts().sendReset(path(req, "appId"), path(req, "userId"))));
        r.json(Method.POST, user + "/revoke", 200, req ->
                AdminViews.map("revoked", s.users().revoke(path(req, "appId"), path(req, "userId"))));
    }
}
