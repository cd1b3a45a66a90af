package dev.atrium.core.auth;

import dev.atrium.core.apps.App;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;

/**
 * Who a refresh token speaks for (the bearer of the API-key routes), after
 * {@link SessionGate#refresh} matched it to its live session and found the user enabled. Only the
 * gate makes one.
 */
public final class RefreshCaller {
    private final App app;
    private final User user;
    private final Session session;

    RefreshCaller(App app, User user, Session session) {
        this.app = app;
        this.user = user;
        this.session = session;
    }

    public App app() {
        return app;
    }

    public User user() {
        return user;
    }

    public Session session() {
        return session;
    }
}
