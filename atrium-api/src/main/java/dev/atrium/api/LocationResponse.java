package dev.atrium.api;

/** Response of {@code GET …/app/{appId}/location} (docs/client-api.md, Location); core requires both host names. */
public record LocationResponse(String deploymentModel, String location, String hostname, String wsHostname) {}
