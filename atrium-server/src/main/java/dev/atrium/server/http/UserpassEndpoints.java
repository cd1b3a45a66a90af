package dev.atrium.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ApiPaths;
import dev.atrium.core.auth.password.UserpassService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The email/password account routes (spec §6): app-scoped POSTs without Authorization. */
final class UserpassEndpoints {
    static final String BASE = ApiPaths.APP + "/{appId}/auth/providers/local-userpass";
    static final List<String> PATHS = List.of(BASE + "/register", BASE + "/confirm", BASE + "/confirm/send",
            BASE + "/confirm/call", BASE + "/reset/send", BASE + "/reset", BASE + "/reset/call");

    private final UserpassService userpass;

    UserpassEndpoints(UserpassService userpass) {
        this.userpass = userpass;
    }

    void register(HttpRouting.Builder r) {
        r.post(BASE + "/register", (req, res) -> {
            userpass.register(appId(req), Requests.jsonObject(req));
            Responses.json(res, 201, Map.of());
        });
        r.post(BASE + "/confirm", noContent(userpass::confirm));
        r.post(BASE + "/confirm/send", noContent(userpass::resendConfirmation));
        r.post(BASE + "/confirm/call", noContent(userpass::callConfirmation));
        r.post(BASE + "/reset/send", noContent(userpass::sendReset));
        r.post(BASE + "/reset", noContent(userpass::reset));
        r.post(BASE + "/reset/call", noContent(userpass::callReset));
    }

    private static io.helidon.webserver.http.Handler noContent(BiConsumer<String, JsonNode> action) {
        return (req, res) -> {
            action.accept(appId(req), Requests.jsonObject(req));
            Responses.noContent(res);
        };
    }

    private static String appId(ServerRequest req) {
        return req.path().pathParameters().get("appId");
    }

}
