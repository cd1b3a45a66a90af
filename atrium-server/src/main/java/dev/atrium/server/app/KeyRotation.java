package dev.atrium.server.app;

import dev.atrium.core.apps.App;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.KeyRing;
import java.time.Clock;
import java.time.Duration;

/** Rotates an app's signing key from outside a running server (the CLI); nodes pick it up within their cache TTL. */
public final class KeyRotation {
    private KeyRotation() {}

    /**
     * Rotates; the old key stays valid for the app's longest token lifetime. {@code alg} (EdDSA,
     * ES256) switches the algorithm, null keeps it. Returns the new kid.
     */
    public static String rotate(AtriumStore store, String appId, String alg, Clock clock) {
        App app = store.apps().find(appId).orElseThrow(() -> new IllegalArgumentException("no app with id '" + appId + "'"));
        Duration overlap = app.settings().refreshTokenLifetime().compareTo(app.settings().accessTokenLifetime()) > 0
                ? app.settings().refreshTokenLifetime() : app.settings().accessTokenLifetime();
        return new KeyRing(store.signingKeys(), clock, Duration.ZERO).rotate(appId, overlap,
                dev.atrium.core.admin.AppAdmin.algorithm(alg));
    }
}
