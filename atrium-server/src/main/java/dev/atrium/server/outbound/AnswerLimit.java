package dev.atrium.server.outbound;

/**
 * The most an answer may weigh, per kind of call. Past it the connection is dropped, so a receiver
 * answering a gigabyte costs Atrium this much memory and no more.
 */
public enum AnswerLimit {
    /** Webhooks answer a status and at most a small JSON ({@code {"status":"success"}}). */
    WEBHOOK(64 * 1024),
    /** A JSON Web Key Set: a few keys with certificate chains are tens of KiB; 512 KiB leaves room. */
    JWKS(512 * 1024),
    /** An identity provider's API answer to a login provider (a token endpoint's JSON, a profile). */
    PROVIDER(256 * 1024),
    /** Everything an SMTP server says during one session (greeting, capabilities, replies). */
    SMTP(64 * 1024);

    private final int bytes;

    AnswerLimit(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }
}
