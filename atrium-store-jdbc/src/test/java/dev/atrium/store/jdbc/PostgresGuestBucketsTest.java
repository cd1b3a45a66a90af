package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.RateLimit;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Guest buckets in PostgreSQL: two stores on one database (two nodes) draw from the same buckets,
 * a big bucket is leased to each node a grant at a time, and buckets full again are trimmed. The
 * store contracts cover admission itself on every backend.
 */
@Tag("postgres")
class PostgresGuestBucketsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final RateLimit THREE_AN_HOUR = RateLimit.perHour(3, 3);
    /** The smallest bucket leased: a grant is 10 tokens. */
    private static final RateLimit THOUSAND_AN_HOUR = RateLimit.perHour(GuestLeases.MIN_BURST, GuestLeases.MIN_BURST);
    private static final String BIG_NETWORK = "198.51.100.9";

    private final String schema = "atrium_test_" + UUID.randomUUID().toString().replace("-", "");
    private final JdbcSettings settings = new JdbcSettings(PostgresStoreTest.url(), 4, Duration.ofSeconds(10), schema);
    private JdbcStore nodeA;
    private JdbcStore nodeB;
    /** A third pool on the schema, for reading buckets and trimming. */
    private Database db;
    private App app;

    @BeforeEach
    void twoStoresOnOneSchema() {
        nodeA = JdbcStore.open(settings, TestKeys.KEY);
        nodeB = JdbcStore.open(settings, TestKeys.KEY);
        db = Database.open(settings);
        app = Apps.newApp("buckets", T0);
        nodeA.apps().create(app, Apps.defaultProviders(app, T0));
    }

    @AfterEach
    void dropSchema() throws Exception {
        nodeA.close();
        nodeB.close();
        try (Database pool = db; Connection c = pool.migrationSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private void signUp(JdbcStore node, String network, Instant at) {
        signUp(node, network, THREE_AN_HOUR, at);
    }

    private void signUp(JdbcStore node, String network, RateLimit limit, Instant at) {
        User user = new User(ObjectIds.next(at), app.id(), dev.atrium.core.users.UserType.NORMAL, false, at, at, Map.of(),
                List.of(new Identity(User.ANON_PROVIDER, ObjectIds.next(at), Map.of(), at)));
        Session session = new Session(ObjectIds.next(at), app.id(), user.id(), ObjectIds.next(at), "h" + user.id(), at,
                at.plus(Duration.ofDays(60)));
        node.signups().createGuest(user, session, new GuestClaim(app.id(), network, limit, null, at));
    }

    private long buckets() throws Exception {
        try (Connection c = db.migrationSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM guest_buckets")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void signUpsSpreadOverTwoNodesMeetOneLimit() {
        signUp(nodeA, "198.51.100.7", T0);
        signUp(nodeB, "198.51.100.7", T0);
        signUp(nodeA, "198.51.100.7", T0);

        assertThatThrownBy(() -> signUp(nodeB, "198.51.100.7", T0)).isInstanceOf(GuestLimitExceededException.class);
        assertThatThrownBy(() -> signUp(nodeA, "198.51.100.7", T0)).isInstanceOf(GuestLimitExceededException.class);
        signUp(nodeB, "198.51.100.8", T0);
    }

    /** What the shared row of {@code network}'s bucket holds. */
    private double tokens(String network) throws Exception {
        try (Connection c = db.migrationSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT tokens FROM guest_buckets WHERE client_key = ?")) {
            ps.setString(1, network);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a bucket of " + network).isTrue();
                return rs.getDouble(1);
            }
        }
    }

    @Test
    void aBigBucketIsLeasedToEachNodeAGrantAtATime() throws Exception {
        signUp(nodeA, BIG_NETWORK, THOUSAND_AN_HOUR, T0);
        assertThat(tokens(BIG_NETWORK)).as("one sign-up and a grant of 10 taken").isEqualTo(989);

        for (int i = 0; i < 10; i++) {
            signUp(nodeA, BIG_NETWORK, THOUSAND_AN_HOUR, T0);
        }
        assertThat(tokens(BIG_NETWORK)).as("spent from node A's lease: the row untouched").isEqualTo(989);
        signUp(nodeB, BIG_NETWORK, THOUSAND_AN_HOUR, T0);
        assertThat(tokens(BIG_NETWORK)).as("node B holds no lease: it takes one of its own").isEqualTo(978);
        signUp(nodeA, BIG_NETWORK, THOUSAND_AN_HOUR, T0);
        assertThat(tokens(BIG_NETWORK)).as("node A's lease was spent: a new grant").isEqualTo(967);
    }

    @Test
    void aLeaseEndsAfterItsTermAndWhatIsLeftIsNotSpent() throws Exception {
        signUp(nodeA, BIG_NETWORK, THOUSAND_AN_HOUR, T0);
        Instant ended = T0.plus(GuestLeases.TERM);

        signUp(nodeA, BIG_NETWORK, THOUSAND_AN_HOUR, ended);

        double refilled = GuestLeases.TERM.toMillis() * THOUSAND_AN_HOUR.perSecond() / 1000;
        assertThat(tokens(BIG_NETWORK)).as("a new sign-up and grant taken; the first lease's 10 tokens gone")
                .isCloseTo(989 + refilled - 11, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aSmallBucketIsNeverLeased() throws Exception {
        RateLimit justUnder = RateLimit.perHour(GuestLeases.MIN_BURST - 1, GuestLeases.MIN_BURST - 1);
        signUp(nodeA, BIG_NETWORK, justUnder, T0);
        signUp(nodeA, BIG_NETWORK, justUnder, T0);

        assertThat(tokens(BIG_NETWORK)).as("each sign-up took one token from the shared row").isEqualTo(GuestLeases.MIN_BURST - 3);
    }

    @Test
    void bucketsFullAgainAreTrimmedAndDrainedOnesKept() throws Exception {
        signUp(nodeA, "198.51.100.1", T0);                  // full again 20 minutes later
        for (int i = 0; i < 3; i++) {
            signUp(nodeA, "198.51.100.2", T0);              // full again an hour later
        }
        assertThat(buckets()).isEqualTo(2);
        GuestBucketTrim trim = new GuestBucketTrim(db);

        assertThat(trim.run(T0.plus(Duration.ofMinutes(30)))).as("the bucket refilled").isEqualTo(1);
        assertThat(buckets()).isEqualTo(1);
        assertThatThrownBy(() -> signUp(nodeB, "198.51.100.2", T0.plus(Duration.ofMinutes(1))))
                .as("the drained bucket is kept").isInstanceOf(GuestLimitExceededException.class);
        assertThat(trim.run(T0.plus(Duration.ofMinutes(61)))).isEqualTo(1);
        assertThat(buckets()).isZero();
    }
}
