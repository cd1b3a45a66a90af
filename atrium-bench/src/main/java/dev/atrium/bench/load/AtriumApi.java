package dev.atrium.bench.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atrium.api.AccessTokenResponse;
import dev.atrium.api.ApiPaths;
import dev.atrium.api.LoginResponse;
import dev.atrium.bench.http.HttpConnection;
import dev.atrium.bench.http.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The client API calls of the scenarios, as an SDK makes them (docs/client-api.md, Login and linking; User and session routes), over one client's
 * connection. Every call checks its status and parses only what the next call needs.
 */
final class AtriumApi {
    /** What realm-core sends on an anonymous login (docs/client-api.md, Login and linking): realistic size and shape. */
    private static final byte[] LOGIN_BODY = ("{\"provider\":\"anon-user\",\"options\":{\"device\":{"
            + "\"appId\":\"bench\",\"platform\":\"Linux\",\"platformVersion\":\"6.1\",\"sdk\":\"atrium-bench\","
            + "\"sdkVersion\":\"0.1.0\",\"cpuArch\":\"x86_64\",\"deviceName\":\"\",\"deviceVersion\":\"\","
            + "\"frameworkName\":\"\",\"frameworkVersion\":\"\",\"coreVersion\":\"14.12.0\",\"bundleId\":\"\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper WIRE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String SESSION = ApiPaths.AUTH + "/session";
    private static final String PROFILE = ApiPaths.AUTH + "/profile";

    private final HttpConnection http;
    private final String loginPath;

    AtriumApi(HttpConnection http, String appId) {
        this.http = http;
        this.loginPath = ApiPaths.APP + "/" + appId + "/auth/providers/" + ApiPaths.ANON_USER + "/login";
    }

    void health() throws FailedCall {
        call(Operation.HEALTH, "GET", "/health/live", null, null);
    }

    Guest login() throws FailedCall {
        Reply r = call(Operation.LOGIN, "POST", loginPath, null, LOGIN_BODY);
        LoginResponse login = parse(r, LoginResponse.class);
        return new Guest(login.accessToken(), login.refreshToken());
    }

    /**
     * A login whose tokens are not kept: the status is checked, the body not parsed, because the
     * generator's CPU is taken from the server on a shared machine.
     */
    void loginAndForget() throws FailedCall {
        call(Operation.LOGIN, "POST", loginPath, null, LOGIN_BODY);
    }

    void refresh(Guest guest) throws FailedCall {
        Reply r = call(Operation.REFRESH, "POST", SESSION, guest.refreshToken, null);
        guest.accessToken = parse(r, AccessTokenResponse.class).accessToken();
    }

    void profile(Guest guest) throws FailedCall {
        call(Operation.PROFILE, "GET", PROFILE, guest.accessToken, null);
    }

    void logout(Guest guest) throws FailedCall {
        call(Operation.LOGOUT, "DELETE", SESSION, guest.refreshToken, null);
    }

    void close() {
        http.close();
    }

    private Reply call(Operation op, String method, String path, String bearer, byte[] body) throws FailedCall {
        Reply r;
        try {
            r = http.send(method, path, bearer, body);
        } catch (IOException e) {
            throw new FailedCall(op.label() + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
        if (r.status() != op.expectedStatus()) {
            throw new FailedCall(op.label() + " HTTP " + r.status(), r.text());
        }
        return r;
    }

    private static <T> T parse(Reply r, Class<T> type) throws FailedCall {
        try {
            return WIRE.readValue(r.body(), type);
        } catch (IOException e) {
            throw new FailedCall("unparsable " + type.getSimpleName(), r.text());
        }
    }
}
