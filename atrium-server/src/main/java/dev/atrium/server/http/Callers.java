package dev.atrium.server.http;

import dev.atrium.core.auth.AccessCaller;
import dev.atrium.core.auth.RefreshCaller;
import dev.atrium.core.auth.SessionGate;
import dev.atrium.server.logs.RequestLog;
import io.helidon.webserver.http.ServerRequest;

/**
 * Who calls a client route, from its {@code Authorization: Bearer} token. Endpoints get their
 * caller here and nowhere else: the {@link SessionGate} behind it checks the token, its session
 * and its user, and the services that act for a user take only the callers it makes.
 */
final class Callers {
    private final SessionGate gate;

    Callers(SessionGate gate) {
        this.gate = gate;
    }

    /** The caller of an access-token route (profile, link, self-delete). */
    AccessCaller access(ServerRequest req) {
        AccessCaller caller = gate.access(Requests.bearer(req));
        RequestLog.app(caller.app().id());
        return caller;
    }

    /** The caller of a refresh-token route (the API-key routes). */
    RefreshCaller refresh(ServerRequest req) {
        RefreshCaller caller = gate.refresh(Requests.bearer(req));
        RequestLog.app(caller.app().id());
        return caller;
    }
}
