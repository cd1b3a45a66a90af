package dev.atrium.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * What the SDK reads from a token: clients never verify signatures, they split the
 * token and decode the payload. Like core, it insists on three non-empty parts and integer
 * {@code iat}/{@code exp}, and accepts standard or URL-safe base64 with or without padding.
 *
 * @param userData the {@code user_data} claim (custom user data), empty when absent
 */
record Jwt(long issuedAt, long expiresAt, String subject, Map<String, Object> userData) {

    /** Parses {@code token}; BadToken when it is not a JWT the SDKs can use. */
    static Jwt parse(String token) {
        if (token == null) {
            throw bad("no token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw bad("a JWT has three non-empty parts");
        }
        JsonNode payload;
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_'));
            payload = WireJson.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw bad("payload is not base64 JSON");
        }
        if (payload == null || !payload.isObject()) {
            throw bad("payload is not a JSON object");
        }
        JsonNode iat = payload.get("iat");
        JsonNode exp = payload.get("exp");
        if (iat == null || !iat.isIntegralNumber() || exp == null || !exp.isIntegralNumber()) {
            throw bad("iat and exp must be integers");
        }
        JsonNode sub = payload.get("sub");
        JsonNode data = payload.get("user_data");
        Map<String, Object> userData = data != null && data.isObject()
                ? WireJson.toMap(data)
                : Map.of();
        return new Jwt(iat.asLong(), exp.asLong(), sub != null && sub.isTextual() ? sub.asText() : null, userData);
    }

    private static ClientException bad(String why) {
        return new ClientException(ClientErrorCode.BadToken, "received malformed JWT: " + why);
    }
}
