package dev.atrium.store.jdbc;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.admission.GuestLimitExceededException.Scope;
import dev.atrium.core.apps.RateLimit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL sign-ups whose guests are admitted by token buckets kept in the database
 * ({@code guest_buckets}), in the sign-up's own statement: one more pair of data-modifying CTEs
 * in front of {@link SignupSql}'s, so admission costs no round trip. The statement takes what
 * each bucket (app + client network) can give for the batch's sign-ups from it, then what the
 * app-wide budget gives the admitted ones, inserts only the sign-ups admitted by both, and
 * returns the refused ones with what their buckets hold, for {@code Retry-After}.
 *
 * <p>A bucket row is the in-memory {@code TokenBuckets} entry: tokens as of {@code updated_at},
 * refilled at {@code per_ms} up to {@code burst} (the app's current limit, so a changed setting
 * applies at once). {@code granted} is what the last statement took from it. Time is the
 * claiming node's clock; a node behind the others neither refills nor moves time backwards.
 * A bucket full again is the same as none, so {@link #trim} deletes those.
 */
final class GuestSignupSql {
    private static final String BUCKET_COLUMNS = "(app_id, client_key, tokens, updated_at, granted, burst, per_ms)";
    /** The bucket as refilled up to now ({@code EXCLUDED} carries the claim's time and the current limit). */
    private static final String REFILLED = "least(EXCLUDED.burst, b.tokens + greatest(0, EXCLUDED.updated_at - b.updated_at) * EXCLUDED.per_ms)";
    private static final String GRANTED = "least(EXCLUDED.granted, floor(" + REFILLED + ")::int)";
    /** Takes up to the proposed row's {@code granted} (what was asked, at most the burst) from an existing bucket. */
    private static final String TAKE = " ON CONFLICT (app_id, client_key) DO UPDATE SET granted = " + GRANTED
            + ", tokens = " + REFILLED + " - " + GRANTED
            + ", updated_at = greatest(b.updated_at, EXCLUDED.updated_at), burst = EXCLUDED.burst, per_ms = EXCLUDED.per_ms";
    /** The app-wide budget's bucket key: no client network is empty. */
    static final String APP_KEY = "";

    private GuestSignupSql() {}

    /** One sign-up of a batch and its claim (null: not a guest, never limited). */
    record Claimed(SignupSql.Signup signup, GuestClaim claim) {}

    /**
     * Writes the admitted sign-ups of {@code batch} in one statement (autocommit) and returns the
     * refusals by position in the batch; the others are written.
     */
    static Map<Integer, GuestLimitExceededException> insert(Connection c, List<Claimed> batch) throws SQLException {
        Plan plan = new Plan(batch);
        List<SignupSql.Signup> signups = batch.stream().map(Claimed::signup).toList();
        int identities = signups.stream().mapToInt(s -> s.user().identities().size()).sum();
        String sql = "WITH v (seq, user_id, app_id, client_key, rank) AS (VALUES " + rows("(?::int, ?, ?, ?, ?::int)", batch.size())
                + "), want (app_id, client_key, n, burst, per_ms) AS (VALUES "
                + rows("(?, ?, ?::int, ?::int, ?::float8)", plan.groups.size()) + "), "
                + "c AS (INSERT INTO guest_buckets AS b " + BUCKET_COLUMNS
                + " SELECT app_id, client_key, burst - least(n, burst), ?::bigint, least(n, burst), burst, per_ms FROM want"
                + TAKE + " RETURNING b.app_id, b.client_key, b.granted, b.tokens, b.per_ms), "
                + "adm AS (SELECT v.seq, v.user_id, v.app_id, row_number() OVER (PARTITION BY v.app_id ORDER BY v.seq) AS app_rank"
                + " FROM v JOIN c USING (app_id, client_key) WHERE v.rank <= c.granted), "
                + (plan.budgets.isEmpty() ? "a AS (SELECT NULL::text AS app_id, 0 AS granted, 0::float8 AS tokens, 0::float8 AS per_ms WHERE false), "
                : "budget (app_id, burst, per_ms) AS (VALUES " + rows("(?, ?::int, ?::float8)", plan.budgets.size()) + "), "
                + "a AS (INSERT INTO guest_buckets AS b " + BUCKET_COLUMNS + " SELECT adm.app_id, '" + APP_KEY
                + "', budget.burst - least(count(*), budget.burst), ?::bigint, least(count(*), budget.burst), budget.burst, budget.per_ms"
                + " FROM adm JOIN budget USING (app_id) GROUP BY adm.app_id, budget.burst, budget.per_ms"
                + TAKE + " RETURNING b.app_id, b.granted, b.tokens, b.per_ms), ")
                + "ok AS (SELECT adm.user_id FROM adm LEFT JOIN a USING (app_id) WHERE a.app_id IS NULL OR adm.app_rank <= a.granted"
                + " UNION ALL SELECT user_id FROM v WHERE client_key IS NULL), "
                + "u AS (" + admitted(SignupSql.USER_COLUMNS, "id", "(?, ?, ?, ?, ?, ?, ?, ?)", batch.size()) + "), "
                + "i AS (" + admitted(SignupSql.IDENTITY_COLUMNS, "user_id", "(?, ?, ?, ?, ?, ?, ?)", identities) + "), "
                + "s AS (" + admitted(SignupSql.SESSION_COLUMNS, "user_id", "(?, ?, ?, ?, ?, ?, ?)", batch.size()) + "), "
                + "e AS (" + admitted(OutboxWrites.COLUMNS, "user_id", "(?, ?, ?, ?, ?::bigint, ?::bigint)", batch.size()) + ") "
                + "SELECT v.seq, v.rank > c.granted AS by_client, c.tokens, c.per_ms, a.tokens, a.per_ms"
                + " FROM v JOIN c USING (app_id, client_key) LEFT JOIN a USING (app_id)"
                + " WHERE v.user_id NOT IN (SELECT user_id FROM ok)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = plan.bind(ps, 1);
            p = SignupSql.bindUsers(ps, p, signups);
            p = SignupSql.bindIdentities(ps, p, signups);
            p = SignupSql.bindSessions(ps, p, signups);
            SignupSql.bindEvents(ps, p, signups);
            Map<Integer, GuestLimitExceededException> refused = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean byClient = rs.getBoolean(2);
                    int col = byClient ? 3 : 5;
                    refused.put(rs.getInt(1), new GuestLimitExceededException(byClient ? Scope.CLIENT : Scope.APP,
                            wait(rs.getDouble(col), rs.getDouble(col + 1))));
                }
            }
            return refused;
        }
    }

    /** Deletes the buckets that are full again as of {@code now} (a full bucket is the same as none); how many. */
    static int trim(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM guest_buckets WHERE tokens + greatest(0, ? - updated_at) * per_ms >= burst")) {
            ps.setLong(1, now.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    /** How long until a bucket holding {@code tokens} has one, refilled at {@code perMs} (whole ms, float noise aside). */
    private static Duration wait(double tokens, double perMs) {
        return Duration.ofMillis(Math.max(1, (long) Math.ceil((1 - tokens) / perMs - 1e-6)));
    }

    private static String admitted(String tableColumns, String userColumn, String row, int n) {
        String columns = tableColumns.substring(tableColumns.indexOf('('));
        return "INSERT INTO " + tableColumns + " SELECT * FROM (VALUES " + rows(row, n) + ") x " + columns
                + " WHERE x." + userColumn + " IN (SELECT user_id FROM ok)";
    }

    private static String rows(String row, int n) {
        return String.join(", ", Collections.nCopies(n, row));
    }

    /** The batch grouped by bucket: who asks how many tokens of which bucket, with the limits to apply. */
    private static final class Plan {
        private record Group(String appId, String clientKey, RateLimit limit) {}

        private final List<Claimed> batch;
        private final Map<List<String>, Integer> counts = new LinkedHashMap<>();
        private final Map<List<String>, Group> groups = new LinkedHashMap<>();
        private final Map<String, RateLimit> budgets = new LinkedHashMap<>();
        private final List<Integer> ranks = new ArrayList<>();
        private long at;

        Plan(List<Claimed> batch) {
            this.batch = batch;
            for (Claimed s : batch) {
                GuestClaim claim = s.claim();
                if (claim == null) {
                    ranks.add(null);
                    continue;
                }
                List<String> key = List.of(claim.appId(), claim.clientKey());
                ranks.add(counts.merge(key, 1, Integer::sum));
                groups.putIfAbsent(key, new Group(claim.appId(), claim.clientKey(), claim.perNetwork()));
                if (claim.hasAppBudget()) {
                    budgets.putIfAbsent(claim.appId(), claim.appBudget());
                }
                at = Math.max(at, claim.at().toEpochMilli());
            }
        }

        int bind(PreparedStatement ps, int p) throws SQLException {
            for (int seq = 0; seq < batch.size(); seq++) {
                Claimed s = batch.get(seq);
                ps.setInt(p++, seq);
                ps.setString(p++, s.signup().user().id());
                ps.setString(p++, s.signup().user().appId());
                ps.setString(p++, s.claim() == null ? null : s.claim().clientKey());
                ps.setObject(p++, ranks.get(seq), java.sql.Types.INTEGER);
            }
            for (Map.Entry<List<String>, Group> e : groups.entrySet()) {
                Group g = e.getValue();
                ps.setString(p++, g.appId());
                ps.setString(p++, g.clientKey());
                ps.setInt(p++, counts.get(e.getKey()));
                ps.setInt(p++, g.limit().burst());
                ps.setDouble(p++, perMs(g.limit()));
            }
            ps.setLong(p++, at);
            if (!budgets.isEmpty()) {
                for (Map.Entry<String, RateLimit> b : budgets.entrySet()) {
                    ps.setString(p++, b.getKey());
                    ps.setInt(p++, b.getValue().burst());
                    ps.setDouble(p++, perMs(b.getValue()));
                }
                ps.setLong(p++, at);
            }
            return p;
        }

        private static double perMs(RateLimit limit) {
            return limit.perSecond() / 1000;
        }
    }
}
