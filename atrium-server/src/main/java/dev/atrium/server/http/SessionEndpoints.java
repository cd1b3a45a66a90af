package dev.atrium.server.http;

import dev.atrium.api.ApiPaths;
import dev.atrium.core.auth.AccountService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * User-scoped client routes (docs/client-api.md, User and session routes): no app id in the path, the bearer token names the app.
 * Bodies are ignored: core sends {@code Content-Type: application/json} with empty bodies.
 */
final class SessionEndpoints {
    static final String PROFILE = ApiPaths.AUTH + "/profile";
    static final String SESSION = ApiPaths.AUTH + "/session";
    static final String DELETE = ApiPaths.AUTH + "/delete";

    private final AccountService accounts;
    private final Callers callers;

    SessionEndpoints(AccountService accounts, Callers callers) {
        this.accounts = accounts;
        this.callers = callers;
    }

    void register(HttpRouting.Builder r) {
        r.get(PROFILE, (req, res) -> Responses.json(res, 200, accounts.profile(callers.access(req))));
        r.post(SESSION, (req, res) -> Responses.json(res, 201, accounts.refresh(Requests.bearer(req))));
        r.delete(SESSION, this::logout);
        r.delete(DELETE, this::delete);
    }

    private void logout(ServerRequest req, ServerResponse res) {
        accounts.logout(Requests.bearer(req));
        Responses.noContent(res);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        accounts.deleteSelf(callers.access(req));
        Responses.noContent(res);
    }
}
