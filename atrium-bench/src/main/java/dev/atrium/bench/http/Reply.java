package dev.atrium.bench.http;

import java.nio.charset.StandardCharsets;

/** A response as the bench needs it: the status and the raw body. */
public record Reply(int status, byte[] body) {

    /** The body as text, for error samples and JSON parsing. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
