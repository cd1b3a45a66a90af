package dev.atrium.api;

/** Response of {@code POST /auth/session} (docs/client-api.md, User and session routes): a new access token only, no rotation. */
public record AccessTokenResponse(String accessToken) {}
