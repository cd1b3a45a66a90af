package dev.atrium.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import java.util.Locale;

/**
 * The device id of a login body, {@code options.device.deviceId} (docs/client-api.md, Login and linking): realm-web sends an
 * EJSON {@code {"$oid": "…"}} after its first login, other clients a plain string or nothing.
 * Every other {@code options.device} field is informative and ignored, known or not.
 */
public final class DeviceIds {
    private DeviceIds() {}

    /** The client's device id, or null when it sent none (or the all-zero "none"). */
    public static String from(JsonNode body) {
        JsonNode options = body.get("options");
        if (options == null || options.isNull()) {
            return null;
        }
        if (!options.isObject()) {
            throw invalid("options must be an object");
        }
        JsonNode device = options.get("device");
        if (device == null || device.isNull()) {
            return null;
        }
        if (!device.isObject()) {
            throw invalid("options.device must be an object");
        }
        JsonNode id = device.get("deviceId");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isObject() && id.size() == 1 && id.get("$oid") != null) {
            id = id.get("$oid");
        }
        if (!id.isTextual()) {
            throw invalid("options.device.deviceId must be a string or {\"$oid\": string}");
        }
        String text = id.asText().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals(ObjectIds.ZERO)) {
            return null;
        }
        if (!ObjectIds.isValid(text)) {
            throw invalid("options.device.deviceId must be 24 hex characters");
        }
        return text;
    }

    private static AuthException invalid(String message) {
        return new AuthException(ErrorCode.InvalidParameter, message);
    }
}
