package dev.atrium.server.http;

import dev.atrium.api.ApiPaths;
import dev.atrium.core.auth.password.UserpassProvider;
import dev.atrium.core.auth.password.UserpassService;
import dev.atrium.core.kernel.RequestFields;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;

/**
 * The email/password account routes (docs/client-api.md, E-mail/password routes): app-scoped POSTs without Authorization, each
 * counted against the caller's network ({@link ClientAddresses}).
 */
final class UserpassEndpoints {
    static final String BASE = ApiPaths.APP + "/{appId}/auth/providers/" + UserpassProvider.TYPE;
    static final List<String> PATHS = List.of(BASE + "/register", BASE + "/confirm", BASE + "/confirm/send",
            BASE + "/confirm/call", BASE + "/reset/send", BASE + "/reset", BASE + "/reset/call");

    private final UserpassService userpass;
    private final ClientAddresses clients;

    UserpassEndpoints(UserpassService userpass, ClientAddresses clients) {
        this.userpass = userpass;
        this.clients = clients;
    }

    /** A route's action: the app id, the JSON body and the caller's network key. */
    @FunctionalInterface
    private interface Action {
        void run(String appId, RequestFields body, String clientKey);
    }

    void register(HttpRouting.Builder r) {
        r.post(BASE + "/register", (req, res) -> {
            userpass.register(appId(req), JsonFields.of(Requests.jsonObject(req)), clients.key(req));
            Responses.json(res, 201, Map.of());
        });
        r.post(BASE + "/confirm", noContent(userpass::confirm));
        r.post(BASE + "/confirm/send", noContent(userpass::resendConfirmation));
        r.post(BASE + "/confirm/call", noContent(userpass::callConfirmation));
        r.post(BASE + "/reset/send", noContent(userpass::sendReset));
        r.post(BASE + "/reset", noContent(userpass::reset));
        r.post(BASE + "/reset/call", noContent(userpass::callReset));
    }

    private io.helidon.webserver.http.Handler noContent(Action action) {
        return (req, res) -> {
            action.run(appId(req), JsonFields.of(Requests.jsonObject(req)), clients.key(req));
            Responses.noContent(res);
        };
    }

    private static String appId(ServerRequest req) {
        return req.path().pathParameters().get("appId");
    }

}
