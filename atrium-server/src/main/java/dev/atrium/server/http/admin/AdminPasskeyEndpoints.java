package dev.atrium.server.http.admin;

import static dev.atrium.server.http.admin.AdminRequests.path;

import dev.atrium.server.http.PasskeyViews;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;

/** A user's passkeys (docs/providers/passkey.md): list, and revoke one (a lost phone's). */
final class AdminPasskeyEndpoints {
    private final AdminServices s;

    AdminPasskeyEndpoints(AdminServices s) {
        this.s = s;
    }

    void register(AdminRouter r) {
        String passkeys = "/apps/{appId}/users/{userId}/passkeys";
        r.json(Method.GET, passkeys, 200, req -> AdminViews.map("passkeys",
                s.passkeys().list(path(req, "appId"), path(req, "userId")).stream().map(PasskeyViews::passkey).toList()));
        r.guarded(Method.DELETE, passkeys + "/{passkeyId}", (req, res) -> {
            s.passkeys().revoke(path(req, "appId"), path(req, "userId"), path(req, "passkeyId"));
            Responses.noContent(res);
        });
    }
}
