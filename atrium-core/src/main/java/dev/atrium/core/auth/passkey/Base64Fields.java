package dev.atrium.core.auth.passkey;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a WebAuthn credential as browsers serialise it ({@code PublicKeyCredential.toJSON()},
 * WebAuthn §5.1, "RegistrationResponseJSON" and "AuthenticationResponseJSON"): binary fields are
 * base64url text, the ceremony's answer is the object {@code response}. A field that is absent is
 * MissingParameter, one of the wrong kind InvalidParameter, naming its path; nothing is checked
 * against stored data here.
 */
final class Base64Fields {
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    /** A transport name: what the stores keep, space-separated. */
    private static final Pattern TRANSPORT = Pattern.compile("[a-z0-9-]{1,32}");

    private final Map<?, ?> response;

    private Base64Fields(Map<?, ?> response) {
        this.response = response;
    }

    /** The body's {@code response} object, after checking that {@code type} is {@code public-key} when sent. */
    static Base64Fields response(RequestFields body) {
        Object type = body.value("type");
        if (type != null && !"public-key".equals(type)) {
            throw new AuthException(ErrorCode.InvalidParameter, "type must be public-key");
        }
        Object response = body.value("response");
        if (response == null) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: response");
        }
        if (!(response instanceof Map<?, ?> map)) {
            throw new AuthException(ErrorCode.InvalidParameter, "response must be an object");
        }
        return new Base64Fields(map);
    }

    /** The credential id: {@code rawId}, else {@code id}, decoded. */
    static byte[] credentialId(RequestFields body) {
        String raw = body.value("rawId") instanceof String s && !s.isEmpty() ? s : null;
        return decode(raw != null ? "rawId" : "id", raw != null ? raw : body.nonEmptyString("id"));
    }

    /** {@code response.name}, decoded; MissingParameter when absent. */
    byte[] required(String name) {
        byte[] value = optional(name);
        if (value == null) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: response." + name);
        }
        return value;
    }

    /** {@code response.name}, decoded; null when absent, null or empty. */
    byte[] optional(String name) {
        Object v = response.get(name);
        if (v == null || "".equals(v)) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new AuthException(ErrorCode.InvalidParameter, "response." + name + " must be a base64url string");
        }
        return decode("response." + name, s);
    }

    /**
     * {@code response.transports}: WebAuthn transport names ({@code usb}, {@code internal},
     * {@code hybrid}, …; unknown ones kept, as the specification wants), empty when absent.
     */
    List<String> transports() {
        Object v = response.get("transports");
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list) || list.size() > 8
                || !list.stream().allMatch(t -> t instanceof String s && TRANSPORT.matcher(s).matches())) {
            throw new AuthException(ErrorCode.InvalidParameter, "response.transports must be at most 8 WebAuthn transport names");
        }
        return list.stream().map(String.class::cast).toList();
    }

    static String encode(byte[] bytes) {
        return ENCODE.encodeToString(bytes);
    }

    private static byte[] decode(String name, String value) {
        try {
            return B64URL.decode(value);
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, name + " must be base64url");
        }
    }
}
