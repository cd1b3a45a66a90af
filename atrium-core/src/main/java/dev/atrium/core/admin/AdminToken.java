package dev.atrium.core.admin;

import java.time.Instant;

/** An operator credential for the admin API; only its hash is stored. */
public record AdminToken(String id, String name, String tokenHash, Instant createdAt) {}
