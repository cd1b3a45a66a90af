package dev.atrium.store.jdbc;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.admission.GuestLimitExceededException.Scope;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL sign-ups whose guests are admitted by token buckets kept in the database
 * ({@code guest_buckets}), sent with the sign-up in one round trip. Two statements travel together
 * (the driver sends a multi-statement text as one message train): first, in a short transaction
 * of its own, the take, which draws what each bucket (app + client network) can give for the
 * batch's sign-ups, then what the app-wide budget gives the admitted ones, and returns the
 * refused ones with what their buckets hold, for {@code Retry-After}; its commit releases the
 * bucket rows' locks at once (an {@code UNLOGGED} table's commit waits for no WAL flush). Then
 * the sign-up itself, which inserts only the users the take admitted (it hands them over in a
 * session setting, {@link #ADMITTED}). So the hot row of a busy network is held for the take
 * alone, not through the sign-up's WAL flush (docs/scaling.md, "What it costs").
 *
 * <p>A token taken for a sign-up that then fails (the database went away between the two
 * statements; a batch that hit a taken identity, replayed one by one, takes again) is not given
 * back: the error is on the safe side, a network gets a little less than its limit, never more.
 *
 * <p>Every take locks its buckets in key order, the networks' first, then the app budgets': two
 * batches wanting the same rows queue instead of deadlocking.
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
    /**
     * The session setting in which the take hands the admitted users' ids (a text array) to the
     * sign-up statement after it: set in the take's transaction, so it holds once that commits.
     */
    static final String ADMITTED = "atrium.admitted";

    private GuestSignupSql() {}

    /** One sign-up of a batch and its claim (null: not a guest, never limited). */
    record Claimed(SignupSql.Signup signup, GuestClaim claim) {}

    /**
     * Takes from the buckets and writes the admitted sign-ups of {@code batch} (one round trip,
     * the take committed first) and returns the refusals by position in the batch; the others are
     * written. Every row set travels as arrays ({@code unnest}), so the text is the same whatever
     * the batch: the driver prepares it once per connection and PostgreSQL plans it once (planning
     * this statement anew cost more than running it, measured at 0.6 to 2.7 ms for 8 to 64 sign-ups).
     */
    static Map<Integer, GuestLimitExceededException> insert(Connection c, Dialect dialect, List<Claimed> batch,
                                                             GuestLeases leases) throws SQLException {
        ImpliedIdentity.refuseTaken(c, SignupSql.users(batch.stream().map(Claimed::signup).toList()));
        GuestBatchPlan plan = new GuestBatchPlan(batch);
        String sql = dialect.committedBefore(plan.hasBudgets() ? TAKE_WITH_BUDGET : TAKE_WITHOUT_BUDGET, SIGNUP);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ArrayParameters a = new ArrayParameters(c, ps);
            plan.bind(a);
            bindRows(a, batch.stream().map(Claimed::signup).toList());
            return refusals(ps, plan, leases);
        } catch (SQLException e) {
            dialect.endFailedTransaction(c); // the take's own transaction, if it failed inside it
            throw e;
        }
    }

    /** Runs {@code ps} and reads the take's result, the first of its results that is rows; keeps the leases it got. */
    private static Map<Integer, GuestLimitExceededException> refusals(PreparedStatement ps, GuestBatchPlan plan,
                                                                      GuestLeases leases) throws SQLException {
        Map<Integer, GuestLimitExceededException> refused = new HashMap<>();
        boolean rows = ps.execute();
        while (!rows && ps.getUpdateCount() != -1) {
            rows = ps.getMoreResults();
        }
        if (!rows) {
            throw new SQLException("the guest take returned no rows");
        }
        try (ResultSet rs = ps.getResultSet()) {
            while (rs.next()) {
                int seq = rs.getInt(1);
                if (rs.wasNull()) {
                    String appId = rs.getString(7);
                    if (appId != null) {
                        leases.keep(plan.claimOn(appId, rs.getString(8)), rs.getInt(9));
                    }
                    continue; // else the one row of a take that refused nobody
                }
                boolean byClient = rs.getBoolean(2);
                int col = byClient ? 3 : 5;
                refused.put(seq, new GuestLimitExceededException(byClient ? Scope.CLIENT : Scope.APP,
                        wait(rs.getDouble(col), rs.getDouble(col + 1))));
            }
        }
        return refused;
    }

    private static final String TAKE_WITHOUT_BUDGET = take(false);
    private static final String TAKE_WITH_BUDGET = take(true);
    private static final String SIGNUP = signup();

    /**
     * The take: the networks' buckets, then (with {@code budget}) the app budgets, for the sign-ups
     * their network admitted, ranked by position; without a budget in the batch no ranking is done.
     * Its one row set is the refusals, or one row of nulls when there are none, then the tokens
     * taken beyond the batch's need from each bucket asked for a grant to lease ({@link GuestLeases}).
     */
    private static String take(boolean budget) {
        return "WITH v AS (SELECT * FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::int[])"
                + " AS v (seq, user_id, app_id, client_key, rank)), "
                + "want AS (SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::float8[])"
                + " AS w (app_id, client_key, n, lease, burst, per_ms)), "
                + "c AS (INSERT INTO guest_buckets AS b " + BUCKET_COLUMNS
                + " SELECT app_id, client_key, burst - least(n + lease, burst), ?::bigint, least(n + lease, burst), burst, per_ms"
                + " FROM want"
                + " ORDER BY app_id, client_key"
                + TAKE + " RETURNING b.app_id, b.client_key, b.granted, b.tokens, b.per_ms), "
                + (budget
                ? "adm AS (SELECT v.seq, v.user_id, v.app_id, row_number() OVER (PARTITION BY v.app_id ORDER BY v.seq) AS app_rank"
                + " FROM v JOIN c USING (app_id, client_key) WHERE v.rank <= c.granted), "
                + "budget AS (SELECT * FROM unnest(?::text[], ?::int[], ?::float8[]) AS g (app_id, burst, per_ms)), "
                + "a AS (INSERT INTO guest_buckets AS b " + BUCKET_COLUMNS + " SELECT adm.app_id, '" + APP_KEY
                + "', budget.burst - least(count(*), budget.burst), ?::bigint, least(count(*), budget.burst), budget.burst, budget.per_ms"
                + " FROM adm JOIN budget USING (app_id) GROUP BY adm.app_id, budget.burst, budget.per_ms ORDER BY adm.app_id"
                + TAKE + " RETURNING b.app_id, b.granted, b.tokens, b.per_ms), "
                + "ok AS (SELECT adm.user_id FROM adm LEFT JOIN a USING (app_id) WHERE a.app_id IS NULL OR adm.app_rank <= a.granted"
                : "adm AS (SELECT v.user_id FROM v JOIN c USING (app_id, client_key) WHERE v.rank <= c.granted), "
                + "a AS (SELECT NULL::text AS app_id, 0::float8 AS tokens, 0::float8 AS per_ms WHERE false), "
                + "ok AS (SELECT user_id FROM adm")
                + " UNION ALL SELECT user_id FROM v WHERE client_key IS NULL), "
                + "handed AS (SELECT set_config('" + ADMITTED + "', coalesce(array_agg(user_id), '{}')::text, false) FROM ok), "
                + "refused AS (SELECT v.seq, v.rank > c.granted AS by_client, c.tokens AS c_tokens, c.per_ms AS c_per_ms,"
                + " a.tokens AS a_tokens, a.per_ms AS a_per_ms"
                + " FROM v JOIN c USING (app_id, client_key) LEFT JOIN a USING (app_id)"
                + " WHERE v.user_id NOT IN (SELECT user_id FROM ok)) "
                + "SELECT r.seq, r.by_client, r.c_tokens, r.c_per_ms, r.a_tokens, r.a_per_ms,"
                + " NULL::text AS app_id, NULL::text AS client_key, NULL::int AS leased FROM handed LEFT JOIN refused r ON true"
                + " UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, c.app_id, c.client_key, c.granted - want.n"
                + " FROM c JOIN want USING (app_id, client_key) WHERE want.lease > 0 AND c.granted > want.n";
    }

    /** The sign-up of the users the take admitted: users, identities, sessions, user.created events. */
    private static String signup() {
        return "WITH ok AS (SELECT unnest(current_setting('" + ADMITTED + "')::text[]) AS user_id), "
                + "u AS (" + admitted(SignupSql.USER_COLUMNS, "id", "text, text, text, bool, bool, bigint, bigint, text") + "), "
                + "i AS (" + admitted(SignupSql.IDENTITY_COLUMNS, "user_id", "text, text, text, text, int, text, bigint") + "), "
                + "s AS (" + admitted(SignupSql.SESSION_COLUMNS, "user_id", "text, text, text, text, bigint, bigint") + ") "
                + admitted(OutboxWrites.COLUMNS, "user_id", "text, text, text, text, bigint, bigint");
    }

    /** The rows of users, identities, sessions and user.created events, column by column, in the statement's order. */
    private static void bindRows(ArrayParameters a, List<SignupSql.Signup> signups) throws SQLException {
        List<User> users = signups.stream().map(SignupSql.Signup::user).toList();
        a.text(users, User::id).text(users, User::appId).text(users, u -> u.type().wire()).bool(users, User::disabled)
                .bool(users, User::isAnonymous).int8(users, u -> u.createdAt().toEpochMilli())
                .int8(users, u -> u.lastActiveAt().toEpochMilli())
                .text(users, u -> u.customData().isEmpty() ? null : Json.write(u.customData()));
        record Held(User user, Identity identity, int position) {}
        List<Held> ids = new ArrayList<>();
        for (User u : users) { // a guest's identity is implied by its user row: no row (ImpliedIdentity)
            List<Identity> stored = ImpliedIdentity.stored(u);
            for (int pos = 0; pos < stored.size(); pos++) {
                ids.add(new Held(u, stored.get(pos), pos));
            }
        }
        a.text(ids, h -> h.user().appId()).text(ids, h -> h.identity().providerType()).text(ids, h -> h.identity().subject())
                .text(ids, h -> h.user().id()).int4(ids, Held::position)
                .text(ids, h -> h.identity().providerData().isEmpty() ? null : Json.write(h.identity().providerData()))
                .int8(ids, h -> h.identity().createdAt().toEpochMilli());
        List<Session> sessions = signups.stream().map(SignupSql.Signup::session).toList();
        a.text(sessions, Session::id).text(sessions, Session::userId)
                .text(sessions, Session::deviceId).text(sessions, Session::refreshHash)
                .int8(sessions, x -> x.createdAt().toEpochMilli()).int8(sessions, x -> x.expiresAt().toEpochMilli());
        a.text(users, User::appId).text(users, User::id).text(users, u -> UserEvent.CREATED)
                .text(users, u -> u.identities().get(0).providerType()).int8(users, u -> u.createdAt().toEpochMilli())
                .int8(users, u -> u.createdAt().toEpochMilli());
    }

    /**
     * Deletes the buckets that are full again as of {@code now} (a full bucket is the same as none);
     * how many. It skips the rows a take holds at the moment instead of waiting for them: a bucket
     * in use is not full, or will be trimmed next time, and no sign-up ever waits for a trim.
     */
    static int trim(Connection c, Dialect dialect, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM guest_buckets WHERE (app_id, client_key) IN"
                + " (SELECT app_id, client_key FROM guest_buckets WHERE tokens + greatest(0, ? - updated_at) * per_ms >= burst"
                + dialect.forUpdateSkipLocked() + ")")) {
            ps.setLong(1, now.toEpochMilli());
            return ps.executeUpdate();
        }
    }

    /** How long until a bucket holding {@code tokens} has one, refilled at {@code perMs} (whole ms, float noise aside). */
    private static Duration wait(double tokens, double perMs) {
        return Duration.ofMillis(Math.max(1, (long) Math.ceil((1 - tokens) / perMs - 1e-6)));
    }

    /** {@code INSERT INTO table (columns) SELECT * FROM unnest(?::type[], …) x (columns)} of the admitted users' rows. */
    private static String admitted(String tableColumns, String userColumn, String types) {
        String columns = tableColumns.substring(tableColumns.indexOf('('));
        String arrays = String.join(", ", java.util.Arrays.stream(types.split(", ")).map(t -> "?::" + t + "[]").toList());
        return "INSERT INTO " + tableColumns + " SELECT * FROM unnest(" + arrays + ") x " + columns
                + " WHERE x." + userColumn + " IN (SELECT user_id FROM ok)";
    }
}
