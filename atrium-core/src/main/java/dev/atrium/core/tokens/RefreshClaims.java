package dev.atrium.core.tokens;

/** What a verified refresh token says; the session must still be checked against the store. */
public record RefreshClaims(String appId, String userId, String sessionId) {}
