package dev.atrium.store.jdbc;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.store.tck.SecretsAtRestContract;
import dev.atrium.store.tck.StoreContracts;
import dev.atrium.store.tck.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/**
 * Every store contract against PostgreSQL. The run gets a schema of its own
 * ({@code atrium_test_<random>}), created by the migrations when the run's one store is opened and
 * dropped at the end, so parallel and repeated runs never collide. Between tests every table of
 * that schema is truncated (cheaper than a schema or a store per test: Flyway's check alone costs
 * ~250 ms per open), so each test still starts from an empty store. The server is
 * {@link TestPostgres}'s ({@code ATRIUM_TEST_PG_URL}, else 127.0.0.1:5432, else one of the tests'
 * own); when it cannot be reached the tests fail with a message saying so; they are never skipped.
 */
@Tag("postgres")
class PostgresStoreTest extends StoreContracts {
    private static final String URL = url();
    private static final String SCHEMA = "atrium_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final JdbcSettings SETTINGS = new JdbcSettings(URL, 10, Duration.ofSeconds(10), SCHEMA);
    private static final String HISTORY_TABLE = "flyway_schema_history";

    /** A plain connection, outside the store, for emptying and dropping the schema. */
    private static Connection admin;
    /** The run's store, shared by the tests through {@link #open()}. */
    private static JdbcStore shared;
    /** {@code TRUNCATE} of every table of the schema but the migration history. */
    private static String truncate;

    static String url() {
        return TestPostgres.url();
    }

    @BeforeAll
    static void createSchema() throws SQLException {
        try {
            admin = connect();
        } catch (SQLException e) {
            throw new AssertionError("The PostgreSQL store contracts need a PostgreSQL server and could not reach "
                    + SETTINGS.redacted() + ": " + e.getMessage() + "\nStart one there, or point the tests at yours with"
                    + " ATRIUM_TEST_PG_URL=postgresql://user[:password]@host:port/database (the user needs CREATE on"
                    + " that database; each run creates and drops its own schema atrium_test_<random>).", e);
        }
        shared = JdbcStore.open(SETTINGS, TestKeys.KEY);
        if (shared.migrationsApplied() == 0) {
            throw new AssertionError("schema " + SCHEMA + " already existed with migrations; expected a new one");
        }
        List<String> tables = new ArrayList<>();
        try (PreparedStatement ps = admin.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = ? AND tablename <> ? ORDER BY tablename")) {
            ps.setString(1, SCHEMA);
            ps.setString(2, HISTORY_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(SCHEMA + "." + rs.getString(1));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new AssertionError("the migrations created no table in schema " + SCHEMA);
        }
        truncate = "TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE";
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (shared != null) {
            shared.close();
        }
        if (admin != null) {
            try (Statement s = admin.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            } finally {
                admin.close();
            }
        }
    }

    /** The run's store with every table emptied; closing it is left to {@link #dropSchema()}. */
    @Override
    protected AtriumStore newStore() {
        return open();
    }

    private static AtriumStore open() {
        try (Statement s = admin.createStatement()) {
            s.execute(truncate);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty schema " + SCHEMA + ": " + e.getMessage(), e);
        }
        return new Unclosed(shared);
    }

    /** Every row of every table of the run's schema, as text: what a reader of the database sees. */
    static String rowsAsText(Connection c, String schema) {
        StringBuilder text = new StringBuilder();
        try (PreparedStatement tables = c.prepareStatement("SELECT tablename FROM pg_tables WHERE schemaname = ?")) {
            tables.setString(1, schema);
            try (ResultSet t = tables.executeQuery()) {
                while (t.next()) {
                    try (Statement s = c.createStatement();
                         ResultSet rows = s.executeQuery("SELECT r::text FROM " + schema + "." + t.getString(1) + " r")) {
                        while (rows.next()) {
                            text.append(rows.getString(1)).append('\n');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** A plain JDBC connection to the server named by the store url. */
    private static Connection connect() throws SQLException {
        JdbcSettings.PgTarget target = SETTINGS.postgres();
        Properties props = target.properties();
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(target.jdbcUrl(), props);
    }

    /** The shared store, with {@code close()} left to the end of the run. */
    private record Unclosed(AtriumStore store) implements AtriumStore {
        @Override
        public dev.atrium.core.redirect.RedirectStateStore redirectStates() {
            return store.redirectStates();
        }

        @Override
        public dev.atrium.core.auth.passkey.PasskeyStore passkeys() {
            return store.passkeys();
        }

        @Override
        public dev.atrium.core.imports.ImportStore imports() {
            return store.imports();
        }

        @Override
        public dev.atrium.core.apps.AppStore apps() {
            return store.apps();
        }

        @Override
        public dev.atrium.core.users.UserStore users() {
            return store.users();
        }

        @Override
        public dev.atrium.core.sessions.SessionStore sessions() {
            return store.sessions();
        }

        @Override
        public dev.atrium.core.auth.SignupStore signups() {
            return store.signups();
        }

        @Override
        public dev.atrium.core.tokens.SigningKeyStore signingKeys() {
            return store.signingKeys();
        }

        @Override
        public dev.atrium.core.admin.AdminTokenStore adminTokens() {
            return store.adminTokens();
        }

        @Override
        public dev.atrium.core.auth.LinkStore links() {
            return store.links();
        }

        @Override
        public dev.atrium.core.auth.password.UserpassStore userpass() {
            return store.userpass();
        }

        @Override
        public dev.atrium.core.auth.apikey.ApiKeyStore apiKeys() {
            return store.apiKeys();
        }

        @Override
        public dev.atrium.core.events.EventStore events() {
            return store.events();
        }

        @Override
        public dev.atrium.core.lifecycle.SweepStore sweeps() {
            return store.sweeps();
        }

        @Override
        public dev.atrium.core.admin.UserQueryStore userQueries() {
            return store.userQueries();
        }

        @Override
        public dev.atrium.core.admin.StatsStore stats() {
            return store.stats();
        }

        @Override
        public dev.atrium.core.admin.ServerKeyStore serverKeys() {
            return store.serverKeys();
        }

        @Override
        public dev.atrium.core.merge.MergeStore merges() {
            return store.merges();
        }

        @Override
        public boolean isReady() {
            return store.isReady();
        }

        @Override
        public String describe() {
            return store.describe();
        }

        @Override
        public void close() {
            // the run's store is closed by dropSchema()
        }
    }

    @Nested
    class SecretsAtRest extends SecretsAtRestContract {
        @Override
        protected AtriumStore newStore() {
            return open();
        }

        @Override
        protected String storedText() {
            return rowsAsText(admin, SCHEMA);
        }
    }
}
