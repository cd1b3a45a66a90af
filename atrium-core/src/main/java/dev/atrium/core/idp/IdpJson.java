package dev.atrium.core.idp;

import dev.atrium.core.kernel.Json;
import dev.atrium.core.kernel.OutboundHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The JSON object an identity provider (or an app's function) answered. */
public final class IdpJson {
    private IdpJson() {}

    /** The body as a JSON object; IllegalArgumentException when it is empty or anything else. */
    public static Map<String, Object> object(OutboundHttp.Answer answer) {
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        try {
            Map<String, Object> object = text.isBlank() ? null : Json.readObject(text);
            if (object != null) {
                return object;
            }
        } catch (IllegalArgumentException e) {
            // said below: which parse error it was does not matter
        }
        throw new IllegalArgumentException("the answer is not a JSON object (" + answer.body().length + " bytes)");
    }
}
