package dev.atrium.server.http.admin;

import dev.atrium.server.http.Requests;
import dev.atrium.server.http.Responses;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers admin routes behind the admin-token check and remembers them, so a test can hold the
 * OpenAPI document to the routes the server really has.
 */
public final class AdminRouter {
    public static final String BASE = "/api/admin/v1";

    /** A registered route: method and path pattern (with {name} parameters). */
    public record Route(String method, String path) {}

    private final HttpRouting.Builder routing;
    private final AdminServices services;
    private final List<Route> routes = new ArrayList<>();

    private AdminRouter(HttpRouting.Builder routing, AdminServices services) {
        this.routing = routing;
        this.services = services;
    }

    /** Registers every admin route on {@code routing}; returns them. */
    public static List<Route> register(HttpRouting.Builder routing, AdminServices services) {
        AdminRouter r = new AdminRouter(routing, services);
        r.open(Method.GET, "/openapi.json", new OpenApiDocument(() -> services.apps().installed().types())::serve);
        new AdminAppEndpoints(services).register(r);
        new AdminUserEndpoints(services).register(r);
        new AdminPasskeyEndpoints(services).register(r);
        new AdminMiscEndpoints(services).register(r);
        new AdminInvitationEndpoints(services).register(r);
        return List.copyOf(r.routes);
    }

    /** What a JSON admin route computes from its request: parse, call one service, return the view. */
    @FunctionalInterface
    interface JsonHandler {
        Object handle(ServerRequest req);
    }

    /**
     * A guarded route answering {@code status} with the handler's result as the admin API's JSON:
     * nulls written (its OpenAPI contract has nullable fields, unlike the client API). Errors are
     * thrown and written by the one error handler.
     */
    void json(Method method, String path, int status, JsonHandler handler) {
        guarded(method, path, (req, res) -> Responses.jsonWithNulls(res, status, handler.handle(req)));
    }

    /** A route that needs a valid admin token. */
    void guarded(Method method, String path, Handler handler) {
        add(method, path, (req, res) -> {
            services.tokens().verify(bearerOrNull(req));
            handler.handle(req, res);
        });
    }

    private void open(Method method, String path, Handler handler) {
        add(method, path, handler);
    }

    private void add(Method method, String path, Handler handler) {
        routes.add(new Route(method.text(), BASE + path));
        routing.route(method, BASE + path, handler);
    }

    private static String bearerOrNull(ServerRequest req) {
        try {
            return Requests.bearer(req);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
