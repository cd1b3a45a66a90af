package dev.atrium.client.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWTs for scripted answers: clients never verify signatures (docs/client-api.md, Tokens), they only read the payload. */
public final class Tokens {
    private Tokens() {}

    /** A token whose payload is {@code payloadJson} verbatim. */
    public static String withPayload(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    /** A well-formed token for user {@code sub}, valid for an hour. */
    public static String valid(String sub) {
        long now = System.currentTimeMillis() / 1000;
        return withPayload("{\"sub\":\"" + sub + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
    }
}
