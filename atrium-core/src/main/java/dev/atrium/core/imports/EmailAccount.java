package dev.atrium.core.imports;

/**
 * An e-mail/password account as the import writes it: confirmed (App Services lists confirmed
 * users only) and without a password, since App Services never exports password hashes. Its first
 * password comes from a reset (docs/migrating-from-app-services.md).
 *
 * @param id the {@code local-userpass} identity's subject, which is the account's id in Atrium too
 * @param email normalised (trimmed, lower case), as logins look it up
 */
public record EmailAccount(String id, String email) {}
