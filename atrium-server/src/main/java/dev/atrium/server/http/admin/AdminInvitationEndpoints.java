package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.imports.InvitationStatus;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.server.http.Requests;
import io.helidon.http.Method;
import java.util.Map;

/**
 * The invitation of imported e-mail users to set a password (docs/migrating-from-app-services.md):
 * start a throttled run, see how it goes, stop it. A run lives on the node that started it.
 */
final class AdminInvitationEndpoints {
    static final int DEFAULT_PER_SECOND = 10;
    private final AdminServices s;

    AdminInvitationEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        String runs = "/apps/{appId}/password-invitations";
        r.json(Method.POST, runs, 202, req -> {
            String appId = path(req, "appId");
            s.apps().get(appId);
            JsonNode body = Requests.jsonObject(req);
            return view(s.invitations().start(appId, perSecond(body)));
        });
        r.json(Method.GET, runs, 200, req -> {
            String appId = path(req, "appId");
            s.apps().get(appId);
            return view(s.invitations().status(appId).orElseThrow(() -> none(appId)));
        });
        r.json(Method.DELETE, runs, 200, req -> {
            String appId = path(req, "appId");
            s.apps().get(appId);
            return view(s.invitations().stop(appId).orElseThrow(() -> none(appId)));
        });
    }

    private static int perSecond(JsonNode body) {
        JsonNode v = body.get("per_second");
        if (v == null || v.isNull()) {
            return DEFAULT_PER_SECOND;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new AuthException(ErrorCode.InvalidParameter, "per_second must be an integer");
        }
        return v.asInt();
    }

    private static AuthException none(String appId) {
        return new AuthException(ErrorCode.NotFound, "no password invitation has run for app '" + appId + "' on this node");
    }

    static Map<String, Object> view(InvitationStatus st) {
        return AdminViews.map("app_id", st.appId(), "state", st.state().name().toLowerCase(java.util.Locale.ROOT),
                "per_second", st.perSecond(), "sent", st.sent(), "throttled", st.throttled(), "failed", st.failed(),
                "started_at", st.startedAt(), "finished_at", st.finishedAt(), "last_error", st.lastError());
    }
}
