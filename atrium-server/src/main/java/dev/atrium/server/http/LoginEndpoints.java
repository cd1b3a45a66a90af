package dev.atrium.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ApiPaths;
import dev.atrium.api.LocationResponse;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.auth.AuthService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.function.Supplier;

/** App-scoped client routes: location (docs/client-api.md, Location) and login/link for every provider (docs/client-api.md, Login and linking). */
final class LoginEndpoints {
    static final String LOCATION = ApiPaths.APP + "/{appId}/location";
    static final String LOGIN = ApiPaths.APP + "/{appId}/auth/providers/{provider}/login";

    private final AuthService auth;
    private final AppDirectory apps;
    private final Supplier<String> publicUrl;
    private final ClientAddresses clients;
    private final Callers callers;

    LoginEndpoints(AuthService auth, AppDirectory apps, Supplier<String> publicUrl, ClientAddresses clients, Callers callers) {
        this.auth = auth;
        this.callers = callers;
        this.apps = apps;
        this.publicUrl = publicUrl;
        this.clients = clients;
    }

    void register(HttpRouting.Builder r) {
        r.get(LOCATION, this::location);
        r.post(LOGIN, this::login);
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
                ? auth.link(appId, provider, JsonFields.of(body), callers.access(req), clientKey)
                : auth.login(appId, provider, JsonFields.of(body), deviceId, clientKey));
    }
}
