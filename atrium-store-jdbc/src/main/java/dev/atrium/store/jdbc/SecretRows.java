package dev.atrium.store.jdbc;

import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.kernel.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every secret the store holds, visited as stored (sealed or, in a store of an older release, in
 * the clear): the private JWK of each signing key, and the secret fields of each app's settings
 * and each provider's config. Used, inside one transaction, to encrypt what an older release left
 * in the clear, to rewrap under a new master key, and to remove secrets whose key is lost.
 */
final class SecretRows {
    private SecretRows() {}

    /** What becomes of one stored secret: itself (unchanged), a replacement, or null (removed). */
    @FunctionalInterface
    interface Rewrite {
        String apply(String stored, SecretSlot slot);
    }

    /** One stored secret and where it is. */
    record Found(SecretSlot slot, String stored) {}

    /** How many secrets a visit changed (or would change), by where they live. */
    record Changes(int signingKeys, int settings, int providerConfigs) {
        int total() {
            return signingKeys + settings + providerConfigs;
        }
    }

    /** Every stored secret, signing keys first. */
    static List<Found> list(Connection c) throws SQLException {
        List<Found> found = new ArrayList<>();
        visit(c, (stored, slot) -> {
            found.add(new Found(slot, stored));
            return stored;
        }, false);
        return found;
    }

    /**
     * Applies {@code rewrite} to every stored secret; when {@code write}, rows whose secrets changed
     * are written back (a signing key rewritten to null is deleted, a field rewritten to null is
     * removed from its JSON). Returns how many secrets changed.
     */
    static Changes visit(Connection c, Rewrite rewrite, boolean write) throws SQLException {
        return new Changes(signingKeys(c, rewrite, write), settings(c, rewrite, write), providers(c, rewrite, write));
    }

    private static int signingKeys(Connection c, Rewrite rewrite, boolean write) throws SQLException {
        int changed = 0;
        List<String[]> rows = rows(c, "SELECT app_id, kid, private_jwk FROM signing_keys ORDER BY app_id, kid", 3);
        for (String[] r : rows) {
            String next = rewrite.apply(r[2], SecretSlot.signingKey(r[0], r[1]));
            if (Objects.equals(next, r[2])) {
                continue;
            }
            changed++;
            if (write) {
                update(c, next == null ? "DELETE FROM signing_keys WHERE kid = ?" : "UPDATE signing_keys SET private_jwk = ? WHERE kid = ?",
                        next == null ? new String[] {r[1]} : new String[] {next, r[1]});
            }
        }
        return changed;
    }

    private static int settings(Connection c, Rewrite rewrite, boolean write) throws SQLException {
        int changed = 0;
        for (String[] r : rows(c, "SELECT id, settings FROM apps ORDER BY id", 2)) {
            int[] n = {0};
            Map<String, Object> stored = Json.readObject(r[1]);
            Map<String, Object> next = SecretFields.map(stored, (path, value) -> counted(n, value,
                    rewrite.apply(value, SecretSlot.setting(r[0], path))));
            changed += n[0];
            if (write && n[0] > 0) {
                update(c, "UPDATE apps SET settings = ? WHERE id = ?", Json.write(next), r[0]);
            }
        }
        return changed;
    }

    private static int providers(Connection c, Rewrite rewrite, boolean write) throws SQLException {
        int changed = 0;
        for (String[] r : rows(c, "SELECT id, app_id, type, config FROM providers ORDER BY app_id, type", 4)) {
            int[] n = {0};
            Map<String, Object> stored = Json.readObject(r[3]);
            Map<String, Object> next = SecretFields.map(stored, (path, value) -> counted(n, value,
                    rewrite.apply(value, SecretSlot.provider(r[1], r[2], path))));
            changed += n[0];
            if (write && n[0] > 0) {
                update(c, "UPDATE providers SET config = ? WHERE id = ?", Json.write(next), r[0]);
            }
        }
        return changed;
    }

    private static String counted(int[] n, String before, String after) {
        if (!Objects.equals(before, after)) {
            n[0]++;
        }
        return after;
    }

    private static List<String[]> rows(Connection c, String sql, int columns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
