package dev.atrium.core.auth.function;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.IdpJson;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the app's function who a payload is. A 2xx answer {@code {"id": "…", "name"?: "…",
 * "data"?: {…}}} names the person: {@code id} (a string, 1..255 characters) is the identity,
 * {@code data}'s fields and {@code name} become its profile data. Anything else is an AuthError that
 * says whether the function refused or failed; what exactly it answered goes to the log only. The
 * call goes through the server's outbound client (answer cap, one deadline, no redirects, the
 * destination policy), signed by {@link FunctionSigner} and naming the app in {@value #APP_HEADER}.
 */
public final class FunctionLogin {
    static final String REFUSED = "custom-function login refused: the app's function did not accept the payload";
    static final String NO_ID = "custom-function login refused: the app's function answered no usable id";
    static final String GARBAGE = "custom-function login failed: the app's function did not answer {\"id\", \"name\", \"data\"}";
    static final String UNREACHABLE = "custom-function login failed: the app's function could not be reached";

    /** The app the call is for: one function may serve several apps. */
    public static final String APP_HEADER = "X-Atrium-App";

    private final OutboundHttp http;
    private final FunctionSigner signer;

    public FunctionLogin(OutboundHttp http, FunctionSigner signer) {
        this.http = http;
        this.signer = signer;
    }

    /** The identity the function names for {@code payload}. */
    public ExternalIdentity verify(String appId, FunctionSettings s, FunctionPayload payload) {
        Map<String, String> headers = new LinkedHashMap<>(signer.headers(s.functionSecret(), payload.json()));
        headers.put(APP_HEADER, appId);
        OutboundHttp.Answer reply;
        try {
            reply = http.post(s.functionUrl(), headers, "application/json", payload.json());
        } catch (OutboundHttp.Failure e) {
            throw new AuthException(ErrorCode.AuthError, UNREACHABLE, "function: " + e.getMessage());
        }
        if (!reply.ok()) {
            throw new AuthException(ErrorCode.AuthError, REFUSED, "function answered HTTP " + reply.status());
        }
        Map<String, Object> answer;
        try {
            answer = IdpJson.object(reply);
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.AuthError, GARBAGE, "function: " + e.getMessage());
        }
        Object data = answer.getOrDefault("data", Map.of());
        Object name = answer.get("name");
        if (!(data instanceof Map<?, ?> fields) || name != null && !(name instanceof String)) {
            throw new AuthException(ErrorCode.AuthError, GARBAGE, "function: data must be an object, name a string");
        }
        if (!(answer.get("id") instanceof String id) || !ExternalIdentity.validSubject(id)) {
            throw new AuthException(ErrorCode.AuthError, NO_ID, "function: id must be a string of 1..255 characters");
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                profile.put(String.valueOf(k), v);
            }
        });
        if (name != null) {
            profile.put("name", name);
        }
        return new ExternalIdentity(id, profile);
    }
}
