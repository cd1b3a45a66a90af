package dev.atrium.api;

/**
 * Response of {@code POST …/auth/providers/{provider}/login} (docs/client-api.md, Login and linking).
 * On a link the refresh token is null and omitted from the JSON.
 */
public record LoginResponse(String accessToken, String refreshToken, String userId, String deviceId) {}
