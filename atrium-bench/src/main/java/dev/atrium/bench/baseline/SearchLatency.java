package dev.atrium.bench.baseline;

import dev.atrium.core.admin.UserCursor;
import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.admin.UserSearch;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.User;
import dev.atrium.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * The admin users list at scale (docs/performance.md, "Finding users"): {@code users} users, each
 * holding an e-mail/password identity ({@code user<n>@example<n % 100>.com}, so every user is in the
 * e-mail index), created over the last year and last active at random within 90 days, seeded into
 * a fresh store of the server's kind (not timed; PostgreSQL then ANALYZEs, as autovacuum would).
 * Then each kind of request the console makes is timed through the server's own store classes,
 * one at a time, as {@code UserAdmin.list} makes it: a page of 26 rows, then the filtered total.
 */
public final class SearchLatency {
    private static final int SEED_COMMIT = 5_000;
    private static final int ROWS_PER_INSERT = 500;
    private static final int PAGE = 26;

    /** One kind of request: milliseconds at the 50th and 99th percentile and the slowest, over {@code runs}; rows of the last. */
    public record Timing(String request, int runs, double p50Ms, double p99Ms, double maxMs, long total) {}

    public record Result(String store, long users, double seedSeconds, String loadBefore, String loadAfter, List<Timing> timings) {}

    private SearchLatency() {}

    public static Result measure(String serverStoreUrl, int users) {
        try (BaselineStore store = BaselineStore.besides(serverStoreUrl)) {
            long start = System.nanoTime();
            seed(store, users);
            double seeded = (System.nanoTime() - start) / 1e9;
            String before = loadAverage();
            try (JdbcStore jdbc = store.open(4)) {
                UserQueryStore q = jdbc.userQueries();
                String app = store.appId();
                List<User> sample = q.list(app, UserFilter.ALL, UserSort.CREATED, null, 1000);
                List<Timing> timings = new ArrayList<>();
                ThreadLocalRandom r = ThreadLocalRandom.current();
                timings.add(time("search: a whole address (1 match)", 300, i -> page(q, app,
                        search("user" + r.nextInt(1, users + 1) + "@"), UserSort.CREATED)));
                timings.add(time("search: user + 5 digits (11 matches)", 300, i -> page(q, app,
                        search("user" + r.nextInt(10_000, 100_000)), UserSort.CREATED)));
                timings.add(time("search: user + 4 digits, newest first (111 matches)", 100, i -> page(q, app,
                        search("user" + r.nextInt(1_000, 10_000)), UserSort.CREATED_DESC)));
                timings.add(time("search: user + 1 digit (11 % of users)", 20, i -> page(q, app,
                        search("user" + r.nextInt(1, 10)), UserSort.CREATED)));
                timings.add(time("search: a user id", 300, i -> page(q, app,
                        search(sample.get(r.nextInt(sample.size())).id()), UserSort.CREATED)));
                timings.add(time("no search: first page, oldest first", 20, i -> page(q, app, UserFilter.ALL, UserSort.CREATED)));
                timings.add(time("no search: first page, newest first", 20, i -> page(q, app, UserFilter.ALL, UserSort.CREATED_DESC)));
                timings.add(time("no search: a deep page by cursor, newest first", 20, i -> page(q, app, UserFilter.ALL,
                        UserSort.CREATED_DESC, new UserCursor(null, sample.get(r.nextInt(sample.size())).id()))));
                timings.add(time("no search: first page, last active first", 20, i -> page(q, app, UserFilter.ALL,
                        UserSort.LAST_ACTIVE_DESC)));
                timings.add(time("filter: linked users, last active first", 20, i -> page(q, app,
                        new UserFilter("linked", null, null, null, null, null), UserSort.LAST_ACTIVE_DESC)));
                return new Result(store.dialect().name().toLowerCase(Locale.ROOT), users, seeded, before, loadAverage(),
                        List.copyOf(timings));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("search measurement failed: " + e, e);
        }
    }

    private static UserFilter search(String text) {
        return UserFilter.ALL.withSearch(UserSearch.parse(text));
    }

    private static long page(UserQueryStore q, String app, UserFilter f, UserSort sort) {
        return page(q, app, f, sort, null);
    }

    /** What the admin list does for one page: the rows, then the total; returns the total. */
    private static long page(UserQueryStore q, String app, UserFilter f, UserSort sort, UserCursor after) {
        q.list(app, f, sort, after, PAGE);
        return q.count(app, f);
    }

    private static Timing time(String request, int runs, IntFunction<Long> call) {
        for (int i = 0; i < Math.min(5, runs); i++) {
            call.apply(i); // warm the JIT, the pool and the caches
        }
        double[] ms = new double[runs];
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            total = call.apply(i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new Timing(request, runs, ms[runs / 2], ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)], ms[runs - 1], total);
    }

    /** {@code /proc/loadavg}'s three averages: the machine's load while measuring. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Users and their identities in multi-row INSERTs, the server's columns and value shapes. */
    private static void seed(BaselineStore store, int users) throws SQLException {
        Instant now = Instant.now();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            String userRow = "(?, ?, 'normal', ?, ?, ?, ?, NULL)";
            String identityRow = "(?, 'local-userpass', ?, ?, 0, ?, ?)";
            try (PreparedStatement u = c.prepareStatement("INSERT INTO " + GuestInserter.USERS + " VALUES "
                    + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, userRow)));
                 PreparedStatement i = c.prepareStatement("INSERT INTO " + GuestInserter.IDENTITIES + " VALUES "
                    + String.join(", ", java.util.Collections.nCopies(ROWS_PER_INSERT, identityRow)))) {
                for (int n = 1; n <= users; n += ROWS_PER_INSERT) {
                    int rows = Math.min(ROWS_PER_INSERT, users - n + 1);
                    if (rows < ROWS_PER_INSERT) {
                        seedTail(c, store.appId(), n, rows, now, r);
                        break;
                    }
                    int pu = 1;
                    int pi = 1;
                    for (int k = 0; k < rows; k++) {
                        int id = n + k;
                        // created over the last year in order, last active within the last 90 days
                        Instant created = now.minus(Duration.ofSeconds((long) (users - id) * 31_536_000L / users + 1));
                        String userId = ObjectIds.next(created);
                        long active = now.minusSeconds(r.nextLong(90L * 86_400)).toEpochMilli();
                        u.setString(pu++, userId);
                        u.setString(pu++, store.appId());
                        u.setBoolean(pu++, false);
                        u.setBoolean(pu++, false);
                        u.setLong(pu++, created.toEpochMilli());
                        u.setLong(pu++, Math.max(active, created.toEpochMilli()));
                        i.setString(pi++, store.appId());
                        i.setString(pi++, ObjectIds.next(created));
                        i.setString(pi++, userId);
                        i.setString(pi++, "{\"email\":\"user" + id + "@example" + (id % 100) + ".com\"}");
                        i.setLong(pi++, created.toEpochMilli());
                    }
                    u.executeUpdate();
                    i.executeUpdate();
                    if ((n / ROWS_PER_INSERT) % (SEED_COMMIT / ROWS_PER_INSERT) == 0) {
                        c.commit();
                    }
                }
            }
            c.commit();
        }
        store.settleStatistics();
    }

    private static void seedTail(Connection c, String app, int from, int rows, Instant now, ThreadLocalRandom r) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("INSERT INTO " + GuestInserter.USERS + " VALUES (?, ?, 'normal', ?, ?, ?, ?, NULL)");
             PreparedStatement i = c.prepareStatement("INSERT INTO " + GuestInserter.IDENTITIES
                     + " VALUES (?, 'local-userpass', ?, ?, 0, ?, ?)")) {
            for (int id = from; id < from + rows; id++) {
                String userId = ObjectIds.next(now);
                u.setString(1, userId);
                u.setString(2, app);
                u.setBoolean(3, false);
                u.setBoolean(4, false);
                u.setLong(5, now.toEpochMilli());
                u.setLong(6, now.minusSeconds(r.nextLong(86_400)).toEpochMilli());
                u.executeUpdate();
                i.setString(1, app);
                i.setString(2, ObjectIds.next(now));
                i.setString(3, userId);
                i.setString(4, "{\"email\":\"user" + id + "@example" + (id % 100) + ".com\"}");
                i.setLong(5, now.toEpochMilli());
                i.executeUpdate();
            }
        }
    }
}
