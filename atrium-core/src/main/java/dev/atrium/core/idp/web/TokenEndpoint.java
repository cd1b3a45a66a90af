package dev.atrium.core.idp.web;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.idp.IdpJson;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One provider's token endpoint, where an authorization code is exchanged (RFC 6749 §4.1.3: a
 * form POST, the client authenticated in the form). The provider's refusal of the code (RFC 6749
 * §5.2 {@code invalid_grant}: wrong, expired, used, issued to another client or another
 * {@code redirect_uri}) is the caller's refusal; anything else (unreachable, garbage, another
 * error, no token in the answer) is the endpoint's failure, said apart with a fixed text and the
 * detail kept for the log. Both are AuthError: a person signing in gets a reason, never a 500.
 */
public final class TokenEndpoint {
    /** RFC 6749's refusal of a code. */
    public static final Predicate<Map<String, Object>> INVALID_GRANT = answer -> "invalid_grant".equals(answer.get("error"));

    private static final String FORM = "application/x-www-form-urlencoded";

    private final OutboundHttp http;
    private final String refused;
    private final String failed;
    private final Predicate<Map<String, Object>> refusal;

    /**
     * @param who the provider as people know it ("Google")
     * @param what what it calls the code ("auth code")
     * @param refusal which error answers refuse the code itself
     */
    public TokenEndpoint(OutboundHttp http, String who, String what, Predicate<Map<String, Object>> refusal) {
        this.http = http;
        this.refused = who + " " + what + " refused: invalid, expired, already used or for another client";
        this.failed = who + " " + what + " not exchanged: " + who + "'s token endpoint could not be used";
        this.refusal = refusal;
    }

    /** The text of a refused code. */
    public String refusedText() {
        return refused;
    }

    /** The text of an endpoint that could not be used. */
    public String failedText() {
        return failed;
    }

    /** POSTs {@code form} to {@code url} and answers the non-empty string {@code field} of a 2xx JSON answer. */
    public String exchange(URI url, Map<String, String> form, String field) {
        OutboundHttp.Answer reply;
        try {
            reply = http.post(url, Map.of("Accept", "application/json"), FORM, encoded(form));
        } catch (OutboundHttp.Failure e) {
            throw failed(e.getMessage());
        }
        Map<String, Object> answer;
        try {
            answer = IdpJson.object(reply);
        } catch (IllegalArgumentException e) {
            throw failed("HTTP " + reply.status() + ", " + e.getMessage());
        }
        if (!reply.ok()) {
            if (reply.status() / 100 == 4 && refusal.test(answer)) {
                throw new AuthException(ErrorCode.AuthError, refused, "token endpoint: HTTP " + reply.status() + ", " + answer.get("error"));
            }
            throw failed("HTTP " + reply.status() + ", error " + answer.get("error"));
        }
        if (answer.get(field) instanceof String value && !value.isEmpty()) {
            return value;
        }
        throw failed("the answer has no " + field);
    }

    /** The form as {@code application/x-www-form-urlencoded} (the HTML form encoding RFC 6749 names). */
    private static byte[] encoded(Map<String, String> form) {
        return form.entrySet().stream().map(e -> AuthorizationUrl.encode(e.getKey()) + "=" + AuthorizationUrl.encode(e.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.US_ASCII);
    }

    private AuthException failed(String detail) {
        return new AuthException(ErrorCode.AuthError, failed, "token endpoint: " + detail);
    }
}
