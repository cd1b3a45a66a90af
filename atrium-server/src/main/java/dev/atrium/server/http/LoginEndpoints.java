package dev.atrium.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ApiPaths;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.LocationResponse;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.merge.MergeService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Supplier;

/**
 * App-scoped client routes: location (docs/client-api.md, Location), login/link for every provider
 * (docs/client-api.md, Login and linking) and the merge a refused link may offer (docs/client-api.md,
 * Merging a guest).
 */
final class LoginEndpoints {
    static final String LOCATION = ApiPaths.APP + "/{appId}/location";
    static final String LOGIN = ApiPaths.APP + "/{appId}/auth/providers/{provider}/login";
    static final String MERGE = ApiPaths.APP + "/{appId}/auth/merge";

    private final AuthService auth;
    private final MergeService merges;
    private final AppDirectory apps;
    private final Supplier<String> publicUrl;
    private final ClientAddresses clients;
    private final Callers callers;

    LoginEndpoints(AuthService auth, MergeService merges, AppDirectory apps, Supplier<String> publicUrl, ClientAddresses clients,
                   Callers callers) {
        this.auth = auth;
        this.merges = merges;
        this.callers = callers;
        this.apps = apps;
        this.publicUrl = publicUrl;
        this.clients = clients;
    }

    void register(HttpRouting.Builder r) {
        r.get(LOCATION, this::location);
        r.post(LOGIN, this::login);
        r.post(MERGE, this::merge);
    }

    private void location(ServerRequest req, ServerResponse res) {
        apps.requireApp(req.path().pathParameters().get("appId"));
        String host = publicUrl.get();
        String ws = host.replaceFirst("^http", "ws"); // http→ws, https→wss
        Responses.json(res, 200, new LocationResponse("GLOBAL", "atrium", host, ws));
    }

    private void login(ServerRequest req, ServerResponse res) {
        String appId = req.path().pathParameters().get("appId");
        String provider = req.path().pathParameters().get("provider");
        ObjectNode body = Requests.jsonObject(req);
        String deviceId = DeviceIds.from(body);
        boolean link = req.query().first("link").map("true"::equalsIgnoreCase).orElse(false);
        String clientKey = clients.key(req);
        Responses.json(res, 200, link
                ? merges.link(appId, provider, JsonFields.of(body), callers.access(req), clientKey)
                : auth.login(appId, provider, JsonFields.of(body), deviceId, clientKey));
    }

    /** {@code POST …/auth/merge} with the guest's access token and {@code {"merge_ticket": …}}: a login's answer. */
    private void merge(ServerRequest req, ServerResponse res) {
        String appId = req.path().pathParameters().get("appId");
        ObjectNode body = Requests.jsonObject(req);
        var ticket = body.get("merge_ticket");
        if (ticket != null && !ticket.isNull() && !ticket.isTextual()) {
            throw new AuthException(ErrorCode.InvalidParameter, "merge_ticket must be a string");
        }
        Responses.json(res, 200, merges.merge(appId, ticket == null || ticket.isNull() ? null : ticket.textValue(),
                callers.access(req)));
    }
}
