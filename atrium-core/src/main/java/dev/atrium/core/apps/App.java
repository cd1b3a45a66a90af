package dev.atrium.core.apps;

import java.time.Instant;

/**
 * One application hosted by the server; every user, session and key belongs to exactly one.
 *
 * @param id the client app id used in {@code /app/{appId}/…} paths (e.g. {@code atrium-x1y2z})
 */
public record App(String id, String name, Instant createdAt, AppSettings settings) {}
