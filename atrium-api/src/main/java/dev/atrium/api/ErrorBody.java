package dev.atrium.api;

/**
 * The body of every error response (docs/client-api.md, Errors): {@code {"error","error_code","link"}}.
 *
 * @param error human-readable text; SDKs match substrings of it (e.g. "failed to find refresh token")
 * @param errorCode the {@link ErrorCode} name
 * @param link where to look the request up in the server's logs (carries the request id)
 */
public record ErrorBody(String error, String errorCode, String link) {}
