package dev.atrium.core.auth.password;

import dev.atrium.core.users.User;
import java.util.Optional;

/** Persistence of email/password accounts. */
public interface UserpassStore {

    /** Inserts the account; false (nothing written) when the app already has an account with that email. */
    boolean create(UserpassAccount account);

    /**
     * Inserts the account and {@code user}, who holds its {@code local-userpass} identity, with the
     * user's {@code user.created} event, in one transaction: an account an operator makes is a user
     * at once, before any login. False (nothing written) when the app already has an account with
     * that email.
     */
    boolean createWithUser(UserpassAccount account, User user);

    /** The account with this normalised email in the app; empty when none. */
    Optional<UserpassAccount> findByEmail(String appId, String email);

    /** The account whose pending confirmation or reset token has this id; empty when none. */
    Optional<UserpassAccount> findByTokenId(String appId, String tokenId);

    /**
     * Replaces the account's password hash, confirmed flag and pending tokens. With
     * {@code consumedTokenId} non-null the write happens only if that token is still pending on the
     * account (so a token is used once even by concurrent requests). False when nothing was written.
     */
    boolean update(UserpassAccount account, String consumedTokenId);
}
