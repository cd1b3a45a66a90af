package dev.atrium.core.auth;

import dev.atrium.core.apps.App;
import dev.atrium.core.users.User;

/**
 * Who an access token speaks for, after {@link SessionGate#access} found its session alive and
 * its user enabled. Only the gate makes one (the constructor is package-private), and every
 * operation on behalf of an access token takes one: a route cannot reach the user without the
 * session check.
 */
public final class AccessCaller {
    private final App app;
    private final User user;
    private final String sessionId;
    private final String deviceId;

    AccessCaller(App app, User user, String sessionId, String deviceId) {
        this.app = app;
        this.user = user;
        this.sessionId = sessionId;
        this.deviceId = deviceId;
    }

    public App app() {
        return app;
    }

    /** The user as read with the session check, identities included. */
    public User user() {
        return user;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The token's {@code baas_device_id}. */
    public String deviceId() {
        return deviceId;
    }
}
