package dev.atrium.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ApiPaths;
import dev.atrium.core.auth.passkey.PasskeyProvider;
import dev.atrium.core.auth.passkey.PasskeyRegistration;
import dev.atrium.core.auth.passkey.PasskeyService;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The passkey provider's own client routes (docs/providers/passkey.md, docs/client-api.md, Passkeys):
 * the options of both ceremonies, the registration, and the caller's passkeys. The login itself is
 * the login route's ({@link LoginEndpoints}), like every provider's. Options are written in the
 * browsers' JSON form ({@code PublicKeyCredential.parseCreationOptionsFromJSON}), camelCase.
 */
final class PasskeyEndpoints {
    static final String BASE = ApiPaths.APP + "/{appId}/auth/providers/" + PasskeyProvider.TYPE;
    static final String REGISTRATION_OPTIONS = BASE + "/registration/options";
    static final String REGISTRATION = BASE + "/registration";
    static final String LOGIN_OPTIONS = BASE + "/login/options";
    static final String CREDENTIALS = BASE + "/credentials";
    static final String CREDENTIAL = CREDENTIALS + "/{passkeyId}";
    static final List<String> PATHS = List.of(REGISTRATION_OPTIONS, REGISTRATION, LOGIN_OPTIONS, CREDENTIALS, CREDENTIAL);

    private final PasskeyService passkeys;
    private final ClientAddresses clients;
    private final Callers callers;

    PasskeyEndpoints(PasskeyService passkeys, ClientAddresses clients, Callers callers) {
        this.passkeys = passkeys;
        this.clients = clients;
        this.callers = callers;
    }

    void register(HttpRouting.Builder r) {
        r.post(REGISTRATION_OPTIONS, (req, res) -> {
            ObjectNode body = Requests.jsonObject(req);
            Responses.json(res, 200, PasskeyViews.creation(
                    passkeys.registrationOptions(appId(req), callers.access(req), JsonFields.of(body), clients.key(req))));
        });
        r.post(REGISTRATION, (req, res) -> {
            ObjectNode body = Requests.jsonObject(req);
            PasskeyRegistration done = passkeys.register(appId(req), callers.access(req), JsonFields.of(body), clients.key(req));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("credential", PasskeyViews.passkey(done.passkey()));
            answer.put("user_id", done.passkey().userId());
            if (done.link() != null) {
                answer.put("access_token", done.link().accessToken());
                answer.put("device_id", done.link().deviceId());
            }
            Responses.json(res, 201, answer);
        });
        r.post(LOGIN_OPTIONS, (req, res) -> {
            Requests.jsonObject(req); // bounded and well-formed, though nothing in it is read
            Responses.json(res, 200, PasskeyViews.request(passkeys.loginOptions(appId(req), clients.key(req))));
        });
        r.get(CREDENTIALS, (req, res) -> Responses.json(res, 200,
                passkeys.list(appId(req), callers.access(req)).stream().map(PasskeyViews::passkey).toList()));
        r.delete(CREDENTIAL, (req, res) -> {
            passkeys.revoke(appId(req), callers.access(req), req.path().pathParameters().get("passkeyId"));
            Responses.noContent(res);
        });
    }

    private static String appId(ServerRequest req) {
        return req.path().pathParameters().get("appId");
    }
}
