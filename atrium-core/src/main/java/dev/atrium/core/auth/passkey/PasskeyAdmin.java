package dev.atrium.core.auth.passkey;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.UserStore;
import java.util.List;

/**
 * The operator's view of a user's passkeys (admin API and console, docs/providers/passkey.md):
 * list them and revoke one, e.g. a lost phone's. AppNotFound, UserNotFound and PasskeyNotFound as
 * the other admin user routes answer.
 */
public final class PasskeyAdmin {
    private final AppDirectory apps;
    private final UserStore users;
    private final PasskeyStore store;

    public PasskeyAdmin(AppDirectory apps, UserStore users, PasskeyStore store) {
        this.apps = apps;
        this.users = users;
        this.store = store;
    }

    /** The user's passkeys, oldest first. */
    public List<PasskeyCredential> list(String appId, String userId) {
        requireUser(appId, userId);
        return store.list(appId, userId);
    }

    /** Revokes the user's passkey {@code passkeyId}: it logs in no more; the user keeps its identity. */
    public void revoke(String appId, String userId, String passkeyId) {
        requireUser(appId, userId);
        if (!store.delete(appId, userId, passkeyId)) {
            throw PasskeyService.notFound();
        }
    }

    private void requireUser(String appId, String userId) {
        apps.requireApp(appId);
        if (users.find(appId, userId).isEmpty()) {
            throw new AuthException(ErrorCode.UserNotFound, "user not found: " + userId);
        }
    }
}
