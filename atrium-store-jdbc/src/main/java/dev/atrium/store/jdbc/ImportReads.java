package dev.atrium.store.jdbc;

import dev.atrium.core.imports.ImportedUser;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;

/**
 * What the store holds of one import batch, read by keys in a few indexed queries (a fresh import
 * finds nothing and costs a handful of index probes per thousand users): which of its user ids
 * exist and in which app, who holds its identities, the identities of its existing users (a guest's
 * implied one included, {@link ImpliedIdentity}),
 * and the e-mail accounts with its e-mails or account ids.
 */
final class ImportReads {
    /** Keys per {@code IN (…)} at most: well under either engine's limit of bound parameters. */
    static final int KEYS_PER_QUERY = 500;

    /** user id → app id, for the batch's ids that exist. */
    final Map<String, String> userApps = new HashMap<>();
    /** "type\0subject" → user id holding it. */
    final Map<String, String> holders = new HashMap<>();
    /** user id → its stored identities, in order (existing users of the app only). */
    final Map<String, List<Identity>> identities = new HashMap<>();
    /** e-mail → account id, in the app. */
    final Map<String, String> accountsByEmail = new HashMap<>();
    /** account id → "app\0email". */
    final Map<String, String> accountsById = new HashMap<>();

    static ImportReads of(Connection c, String appId, List<ImportedUser> batch) throws SQLException {
        ImportReads r = new ImportReads();
        List<String> ids = batch.stream().map(u -> u.user().id()).toList();
        r.query(c, "SELECT id, app_id FROM users WHERE id IN ", List.of(), ids, rs -> r.userApps.put(rs.getString(1), rs.getString(2)));
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        batch.forEach(u -> u.user().identities().forEach(i ->
                subjects.computeIfAbsent(i.providerType(), t -> new ArrayList<>()).add(i.subject())));
        for (Map.Entry<String, List<String>> e : subjects.entrySet()) {
            r.query(c, "SELECT subject, user_id FROM identities WHERE app_id = ? AND provider_type = ? AND subject IN ",
                    List.of(appId, e.getKey()), e.getValue(), rs -> r.holders.put(key(e.getKey(), rs.getString(1)), rs.getString(2)));
        }
        // A guest's implied identity (ImpliedIdentity) has no row: the guest whose id is the subject holds it.
        List<String> anonSubjects = subjects.getOrDefault(User.ANON_PROVIDER, List.of());
        r.query(c, "SELECT u.id FROM users u WHERE u.app_id = ? AND " + ImpliedIdentity.held("u") + " AND u.id IN ",
                List.of(appId), anonSubjects, rs -> r.holders.put(key(User.ANON_PROVIDER, rs.getString(1)), rs.getString(1)));
        List<String> existing = ids.stream().filter(id -> appId.equals(r.userApps.get(id))).toList();
        r.query(c, "SELECT user_id, provider_type, subject, provider_data, created_at FROM identities WHERE user_id IN ",
                List.of(), existing, " ORDER BY user_id, position", rs -> r.identities.computeIfAbsent(rs.getString(1),
                        k -> new ArrayList<>()).add(new Identity(rs.getString(2), rs.getString(3),
                        Json.readObject(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)))));
        r.query(c, "SELECT u.id, u.created_at FROM users u WHERE " + ImpliedIdentity.held("u") + " AND u.id IN ",
                List.of(), existing, rs -> r.identities.put(rs.getString(1), List.of(new Identity(User.ANON_PROVIDER,
                        rs.getString(1), Map.of(), Instant.ofEpochMilli(rs.getLong(2))))));
        List<String> emails = batch.stream().filter(u -> u.account() != null).map(u -> u.account().email()).toList();
        List<String> accountIds = batch.stream().filter(u -> u.account() != null).map(u -> u.account().id()).toList();
        r.query(c, "SELECT email, id FROM userpass WHERE app_id = ? AND email IN ", List.of(appId), emails,
                rs -> r.accountsByEmail.put(rs.getString(1), rs.getString(2)));
        r.query(c, "SELECT id, app_id, email FROM userpass WHERE id IN ", List.of(), accountIds,
                rs -> r.accountsById.put(rs.getString(1), rs.getString(2) + "\u0000" + rs.getString(3)));
        return r;
    }

    static String key(String providerType, String subject) {
        return providerType + "\u0000" + subject;
    }

    /**
     * {@code sql (?, …) suffix} over the distinct keys, {@link #KEYS_PER_QUERY} a statement on both
     * engines: a lookup by a list of keys is planned as one index probe per key, and the statement is
     * prepared once a batch, so even an embedded engine gains from fewer, longer ones.
     */
    private void query(Connection c, String sql, List<String> fixed, List<String> keys, String suffix, Chunks.Reader row)
            throws SQLException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Chunks.read(c, fixed, distinct, KEYS_PER_QUERY,
                n -> sql + "(" + Chunks.marks(n) + ")" + suffix, row);
    }

    private void query(Connection c, String sql, List<String> fixed, List<String> keys, Chunks.Reader row)
            throws SQLException {
        query(c, sql, fixed, keys, "", row);
    }
}
