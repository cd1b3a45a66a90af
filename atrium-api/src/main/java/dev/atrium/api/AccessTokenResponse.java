package dev.atrium.api;

/** Response of {@code POST /auth/session} (spec §5): a new access token only, no rotation. */
public record AccessTokenResponse(String accessToken) {}
