package dev.atrium.client;

/**
 * One identity of a user, as the last profile fetch returned it. A guest has exactly
 * one, {@code anon-user}; a linked guest keeps it first and has the linked one after it.
 *
 * @param id the provider-scoped identity id
 * @param providerType the provider's wire name, e.g. {@code anon-user}, {@code local-userpass}
 */
public record UserIdentity(String id, String providerType) {}
