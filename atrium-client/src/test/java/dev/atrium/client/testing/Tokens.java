package dev.atrium.client.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Unsigned JWTs for scripted answers: clients never verify signatures, they only read the payload. */
public final class Tokens {
    private Tokens() {}

    /** A token whose payload is {@code payloadJson} verbatim. */
    public static String withPayload(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();

    /** A well-formed token for user {@code sub}, valid for an hour; every call makes a different one. */
    public static String valid(String sub) {
        long now = System.currentTimeMillis() / 1000;
        return withPayload("{\"sub\":\"" + sub + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"jti\":\"t" + SERIAL.incrementAndGet() + "\"}");
    }
}
