package dev.atrium.core.imports;

import dev.atrium.core.users.User;

/**
 * One user as the import writes it: the user with its identities in the export's order, and the
 * e-mail/password account its {@code local-userpass} identity names, if it has one.
 *
 * @param account the account, whose id is that identity's subject; null when the user has none
 */
public record ImportedUser(User user, EmailAccount account) {}
