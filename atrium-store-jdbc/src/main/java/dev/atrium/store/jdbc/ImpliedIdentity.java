package dev.atrium.store.jdbc;

import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A guest's anon-user identity, left implied by its user row instead of stored (docs/stores.md,
 * "Guests' identity"): a user row with {@code anonymous} set and no identity row holds exactly one
 * identity, {@code anon-user} with the user's id as subject, no provider data, created with the user.
 * It saves a row and two index entries per guest, most of them never linked. The row is written out
 * (position 0) when the guest links another identity ({@link JdbcLinkStore}) or is imported over
 * ({@link ImportSql} writes every identity); a stored anon-user row (a guest from before this, or
 * one whose subject is not its id) is read as it always was.
 */
final class ImpliedIdentity {
    /** The provider type, as an SQL literal. */
    static final String TYPE_LITERAL = "'" + User.ANON_PROVIDER + "'";

    /** Whether user {@code alias} holds no identity row; with {@code alias.anonymous}, its identity is implied. */
    static String noRows(String alias) {
        return "NOT EXISTS (SELECT 1 FROM identities x0 WHERE x0.user_id = " + alias + ".id)";
    }

    /** Whether user {@code alias} holds an implied identity. */
    static String held(String alias) {
        return alias + ".anonymous AND " + noRows(alias);
    }

    /**
     * The identity columns of a user row {@code u} left-joined with its identity rows {@code i}:
     * the row's, or the implied identity where a guest has none (null type: no identity at all).
     */
    static final String COLUMNS = "CASE WHEN i.user_id IS NOT NULL THEN i.provider_type WHEN u.anonymous THEN "
            + TYPE_LITERAL + " END, coalesce(i.subject, u.id), i.provider_data, coalesce(i.created_at, u.created_at) ";

    private ImpliedIdentity() {}

    /** Whether {@code user}'s identities are its implied one alone: then the store writes no identity row. */
    static boolean isImplied(User user) {
        if (!user.isAnonymous()) {
            return false;
        }
        Identity only = user.identities().get(0);
        return only.subject().equals(user.id()) && only.providerData().isEmpty()
                && only.createdAt().toEpochMilli() == user.createdAt().toEpochMilli();
    }

    /**
     * Refuses, as the identities' primary key would, to store an anon-user identity row whose subject
     * is a guest's implied identity (the key cannot see it: it has no row). Only users holding a
     * stored anon-user row are looked up, so a guest's sign-up, whose identity is implied, reads
     * nothing. The other way round (a new guest whose id is the subject of another user's stored
     * anon-user row) is not checked: its id is a new ObjectId, unique as every user id is.
     */
    static void refuseTaken(Connection c, List<User> users) throws SQLException {
        for (User u : users) {
            for (Identity i : stored(u)) {
                refuseTaken(c, u.appId(), i);
            }
        }
    }

    /** The same for one identity row about to be written in {@code appId}. */
    static void refuseTaken(Connection c, String appId, Identity i) throws SQLException {
        if (!i.providerType().equals(User.ANON_PROVIDER)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM users u WHERE u.id = ? AND u.app_id = ? AND " + held("u"))) {
            ps.setString(1, i.subject());
            ps.setString(2, appId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new UniqueViolationException(new SQLException(
                            "anon-user identity " + i.subject() + " is held by the guest of that id"));
                }
            }
        }
    }

    /** The identities of {@code user} that have rows: none when its identity is implied. */
    static List<Identity> stored(User user) {
        return isImplied(user) ? List.of() : user.identities();
    }
}
