package dev.atrium.store.jdbc;

import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.admin.ServerKeyStore;
import dev.atrium.core.admin.StatsStore;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.lifecycle.SweepStore;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.SigningKeyStore;
import dev.atrium.core.users.UserStore;

/** The JDBC backend: every feature store over one {@link Database}, SQLite or PostgreSQL. */
public final class JdbcStore implements AtriumStore {
    private final Database db;
    private final AppStore apps;
    private final UserStore users;
    private final SessionStore sessions;
    private final JdbcSignupStore signups;
    private final SigningKeyStore keys;
    private final AdminTokenStore adminTokens;
    private final LinkStore links;
    private final UserpassStore userpass;
    private final ApiKeyStore apiKeys;
    private final EventStore events;
    private final SweepStore sweeps;
    private final UserQueryStore userQueries;
    private final StatsStore stats;
    private final ServerKeyStore serverKeys;
    private final int migrationsApplied;

    private JdbcStore(Database db, int migrationsApplied) {
        this.db = db;
        this.migrationsApplied = migrationsApplied;
        this.apps = new JdbcAppStore(db);
        this.users = new JdbcUserStore(db);
        this.sessions = new JdbcSessionStore(db);
        this.signups = new JdbcSignupStore(db, db.connectionTimeout());
        this.keys = new JdbcSigningKeyStore(db);
        this.adminTokens = new JdbcAdminTokenStore(db);
        this.links = new JdbcLinkStore(db);
        this.userpass = new JdbcUserpassStore(db);
        this.apiKeys = new JdbcApiKeyStore(db);
        this.events = new JdbcEventStore(db);
        this.sweeps = new JdbcSweepStore(db);
        this.userQueries = new JdbcUserQueryStore(db);
        this.stats = new JdbcStatsStore(db);
        this.serverKeys = new JdbcServerKeyStore(db);
    }

    /** Opens the database and applies pending migrations. */
    public static JdbcStore open(JdbcSettings settings) {
        Database db = Database.open(settings);
        try {
            return new JdbcStore(db, Migrations.migrate(db, settings.schema()));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** How many migrations {@link #open} applied (0 when the schema was current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    @Override
    public AppStore apps() {
        return apps;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public SignupStore signups() {
        return signups;
    }

    @Override
    public SigningKeyStore signingKeys() {
        return keys;
    }

    @Override
    public AdminTokenStore adminTokens() {
        return adminTokens;
    }

    @Override
    public LinkStore links() {
        return links;
    }

    @Override
    public UserpassStore userpass() {
        return userpass;
    }

    @Override
    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    @Override
    public EventStore events() {
        return events;
    }

    @Override
    public SweepStore sweeps() {
        return sweeps;
    }

    @Override
    public UserQueryStore userQueries() {
        return userQueries;
    }

    @Override
    public StatsStore stats() {
        return stats;
    }

    @Override
    public ServerKeyStore serverKeys() {
        return serverKeys;
    }

    @Override
    public boolean isReady() {
        return db.ping();
    }

    @Override
    public String describe() {
        return db.describe();
    }

    @Override
    public void close() {
        signups.close();
        db.close();
    }
}
