package dev.atrium.api;

/**
 * The body of every error response (docs/client-api.md, Errors): {@code {"error","error_code","link"}}.
 *
 * @param error human-readable text; SDKs match substrings of it (e.g. "failed to find refresh token")
 * @param errorCode the {@link ErrorCode} name
 * @param link where to look the request up in the server's logs (carries the request id)
 * @param mergeTicket only on a link refused because another user holds the identity the caller
 *     proved it owns: the ticket of {@code POST …/auth/merge} (docs/client-api.md, Merging a
 *     guest); null, and then absent from the JSON, everywhere else
 */
public record ErrorBody(String error, String errorCode, String link, String mergeTicket) {

    /** An error with no merge ticket: every error but one kind of refused link. */
    public ErrorBody(String error, String errorCode, String link) {
        this(error, errorCode, link, null);
    }
}
