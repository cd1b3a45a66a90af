package dev.atrium.api;

/**
 * A user API key as the key routes return it (docs/client-api.md, User and session routes). {@code _id} is a plain 24-hex string,
 * never {@code {"$oid":…}} (core builds an ObjectId from the string); {@code key} is present only
 * in the response that created it.
 */
public record ApiKeyResponse(String _id, String key, String name, boolean disabled) {}
