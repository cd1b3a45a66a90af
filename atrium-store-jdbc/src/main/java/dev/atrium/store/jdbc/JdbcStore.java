package dev.atrium.store.jdbc;

import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.admin.ServerKeyStore;
import dev.atrium.core.admin.StatsStore;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.passkey.PasskeyStore;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.imports.ImportStore;
import dev.atrium.core.lifecycle.SweepStore;
import dev.atrium.core.merge.MergeStore;
import dev.atrium.core.redirect.RedirectStateStore;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.core.tokens.SigningKeyStore;
import dev.atrium.core.users.UserStore;
import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.util.List;

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
    private final RedirectStateStore redirectStates;
    private final PasskeyStore passkeys;
    private final MergeStore merges;
    private final ImportStore imports;
    private final int migrationsApplied;
    private final SecretCodec secrets;

    private JdbcStore(Database db, int migrationsApplied, SecretCodec secrets) {
        this.db = db;
        this.migrationsApplied = migrationsApplied;
        this.secrets = secrets;
        this.apps = new JdbcAppStore(db, secrets);
        this.users = new JdbcUserStore(db);
        this.sessions = new JdbcSessionStore(db);
        this.signups = new JdbcSignupStore(db, db.connectionTimeout());
        this.keys = new JdbcSigningKeyStore(db, secrets);
        this.adminTokens = new JdbcAdminTokenStore(db);
        this.links = new JdbcLinkStore(db);
        this.userpass = new JdbcUserpassStore(db);
        this.apiKeys = new JdbcApiKeyStore(db);
        this.events = new JdbcEventStore(db);
        this.sweeps = new JdbcSweepStore(db);
        this.userQueries = new JdbcUserQueryStore(db);
        this.stats = new JdbcStatsStore(db);
        this.serverKeys = new JdbcServerKeyStore(db);
        this.redirectStates = new JdbcRedirectStateStore(db);
        this.passkeys = new JdbcPasskeyStore(db);
        this.merges = new JdbcMergeStore(db);
        this.imports = new JdbcImportStore(db);
    }

    /**
     * Opens the database, applies pending migrations and unlocks its secrets with the master key of
     * {@code masterKey} (see {@link SecretsAtRest}): MasterKeyException, naming the problem, when the
     * key is missing or not the store's; secrets an older release kept in the clear are encrypted.
     */
    public static JdbcStore open(JdbcSettings settings, MasterKeySource masterKey) {
        Database db = Database.open(settings);
        try {
            int migrated = Migrations.migrate(db, settings.schema());
            return new JdbcStore(db, migrated, SecretsAtRest.unlock(db, masterKey));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Re-encrypts every secret under {@code next}'s primary key (reading with it and the current
     * master key), in one transaction; rows already under it are skipped, so running it again
     * finishes an interrupted run. This store then reads with both keys and writes with {@code next}.
     */
    public Rewrap rewrap(MasterKey next) {
        return SecretMaintenance.rewrap(db, secrets, next);
    }

    /** What {@link #rewrap} did: secrets re-encrypted, secrets already under {@code key}'s primary. */
    public record Rewrap(int rewrapped, int alreadyUnderKey, MasterKey key) {}

    /**
     * For a store whose master key is lost for good: with {@code apply}, deletes every signing key
     * and removes every webhook and provider secret, then makes {@code newKey} the store's master
     * key; without, changes nothing and says what would go. MasterKeyException when {@code newKey}
     * opens the store (nothing is lost) or the store has nothing encrypted.
     */
    public static LostKeyReset resetAfterLostMasterKey(JdbcSettings settings, MasterKeySource newKey, boolean apply) {
        try (Database db = Database.open(settings)) {
            Migrations.migrate(db, settings.schema());
            return SecretMaintenance.resetAfterLostKey(db, newKey, apply);
        }
    }

    /**
     * What {@link #resetAfterLostMasterKey} did or would do.
     *
     * @param applied whether the store was changed
     * @param lostKeyId the id of the master key the store was encrypted with
     * @param signingKeys how many signing keys are (to be) deleted
     * @param appsWithKeys the apps whose keys those were: their sessions end
     * @param secrets the webhook and provider secrets (to be) removed, described
     * @param newKeyExisted whether the new master key file existed already (else it was, or will be, generated)
     */
    public record LostKeyReset(boolean applied, String lostKeyId, int signingKeys, List<String> appsWithKeys,
                               List<String> secrets, boolean newKeyExisted) {}

    /** The master key the store writes with now. */
    public MasterKey masterKey() {
        return secrets.key();
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
    public RedirectStateStore redirectStates() {
        return redirectStates;
    }

    @Override
    public PasskeyStore passkeys() {
        return passkeys;
    }

    @Override
    public MergeStore merges() {
        return merges;
    }

    @Override
    public ImportStore imports() {
        return imports;
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
