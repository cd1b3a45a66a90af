package dev.atrium.core.tokens;

/** What a verified access token says. */
public record AccessClaims(String appId, String userId, String sessionId, String deviceId) {}
