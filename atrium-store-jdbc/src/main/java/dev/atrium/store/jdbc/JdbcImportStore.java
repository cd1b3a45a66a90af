package dev.atrium.store.jdbc;

import dev.atrium.core.imports.EmailAccount;
import dev.atrium.core.imports.ImportMode;
import dev.atrium.core.imports.ImportOutcome;
import dev.atrium.core.imports.ImportStore;
import dev.atrium.core.imports.ImportedUser;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@link ImportStore} over JDBC. A batch is one transaction: what the store holds of the batch's
 * keys is read first ({@link ImportReads}), each user is decided in Java, and the users, identities
 * and accounts decided on are written in upserts ({@link ImportSql}), the same SQL on both engines,
 * as many rows a statement as each likes best. A dry run makes the same reads in autocommit and writes nothing.
 */
final class JdbcImportStore implements ImportStore {
    private static final List<String> TABLES = List.of("users", "identities", "userpass");
    /** Users written before the first statistics refresh; then each refresh waits for as many again. */
    private static final long FIRST_REFRESH = 2_000;
    private final Database db;
    private long written;
    private long refreshAt = FIRST_REFRESH;

    JdbcImportStore(Database db) {
        this.db = db;
    }

    @Override
    public List<ImportOutcome> importUsers(String appId, List<ImportedUser> batch, ImportMode mode) {
        if (mode == ImportMode.DRY_RUN) {
            return db.read(c -> decide(c, appId, batch).outcomes());
        }
        try {
            return db.write(c -> write(c, appId, batch));
        } catch (UniqueViolationException raced) {
            // On PostgreSQL a login or link took one of the batch's identities or e-mails between
            // the reads and the writes: nothing was written; again, the reads now see it.
            return db.write(c -> write(c, appId, batch));
        }
    }

    private List<ImportOutcome> write(Connection c, String appId, List<ImportedUser> batch) throws SQLException {
        Decisions d = decide(c, appId, batch);
        ImportSql.write(c, db.dialect(), d.users(), d.accounts());
        refreshStatisticsAsTheTablesGrow(c, d.users().size());
        return d.outcomes();
    }

    /**
     * An import may grow the tables from nothing to millions of rows faster than any autovacuum
     * notices; the lookups of each batch are planned on the statistics, so they are refreshed each
     * time the rows written have doubled (some ten times for a million users).
     */
    private synchronized void refreshStatisticsAsTheTablesGrow(Connection c, int users) throws SQLException {
        written += users;
        if (written >= refreshAt) {
            db.dialect().refreshStatistics(c, TABLES);
            refreshAt = written * 2;
        }
    }

    /** The outcomes, and the users (identities merged) and accounts to write. */
    private record Decisions(List<ImportOutcome> outcomes, List<User> users, List<ImportSql.Account> accounts) {}

    private Decisions decide(Connection c, String appId, List<ImportedUser> batch) throws SQLException {
        ImportReads stored = ImportReads.of(c, appId, batch);
        List<ImportOutcome> outcomes = new ArrayList<>();
        List<User> users = new ArrayList<>();
        List<ImportSql.Account> accounts = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ImportedUser u : batch) {
            ImportOutcome outcome = decide(appId, u, stored, taken);
            outcomes.add(outcome);
            if (outcome.kind() == ImportOutcome.Kind.REFUSED) {
                continue;
            }
            users.add(merged(u.user(), stored.identities.getOrDefault(u.user().id(), List.of())));
            EmailAccount a = u.account();
            if (a != null && !stored.accountsById.containsKey(a.id())) {
                accounts.add(new ImportSql.Account(a.id(), appId, a.email(), u.user().createdAt()));
            }
        }
        return new Decisions(outcomes, users, accounts);
    }

    private static ImportOutcome decide(String appId, ImportedUser u, ImportReads stored, Set<String> taken) {
        User user = u.user();
        List<String> keys = new ArrayList<>(List.of("user\u0000" + user.id()));
        user.identities().forEach(i -> keys.add(ImportReads.key(i.providerType(), i.subject())));
        if (u.account() != null) {
            keys.add("email\u0000" + u.account().email());
        }
        if (keys.stream().anyMatch(taken::contains)) {
            return ImportOutcome.refused("an earlier record of the batch has its id, an identity or its e-mail");
        }
        taken.addAll(keys);
        String app = stored.userApps.get(user.id());
        if (app != null && !app.equals(appId)) {
            return ImportOutcome.refused("user id " + user.id() + " belongs to another app");
        }
        for (Identity i : user.identities()) {
            String holder = stored.holders.get(ImportReads.key(i.providerType(), i.subject()));
            if (holder != null && !holder.equals(user.id())) {
                return ImportOutcome.refused("identity " + i.providerType() + "/" + i.subject() + " belongs to user " + holder);
            }
        }
        EmailAccount a = u.account();
        if (a != null) {
            String byEmail = stored.accountsByEmail.get(a.email());
            if (byEmail != null && !byEmail.equals(a.id())) {
                return ImportOutcome.refused("e-mail " + a.email() + " belongs to another account");
            }
            String byId = stored.accountsById.get(a.id());
            if (byId != null && !byId.equals(appId + "\u0000" + a.email())) {
                return ImportOutcome.refused("account " + a.id() + " has another e-mail");
            }
        }
        return app == null ? ImportOutcome.NEW : ImportOutcome.UPDATED;
    }

    /** The given identities first, in order, then those only the store has, in theirs. */
    private static User merged(User given, List<Identity> stored) {
        if (stored.isEmpty()) {
            return given;
        }
        List<Identity> identities = new ArrayList<>(given.identities());
        for (Identity s : stored) {
            if (given.identities().stream().noneMatch(g -> g.providerType().equals(s.providerType())
                    && g.subject().equals(s.subject()))) {
                identities.add(s);
            }
        }
        return new User(given.id(), given.appId(), given.type(), given.disabled(), given.createdAt(), given.lastActiveAt(),
                given.customData(), identities);
    }

    /** Two where the engine takes concurrent writers: on two cores, one batch is written while another is checked. */
    @Override
    public int concurrentBatches() {
        return db.dialect().serialWriters() ? 1 : 2;
    }

    @Override
    public List<EmailAccount> withoutPassword(String appId, String afterId, int limit, Instant now) {
        // The literal (not a parameter) lets both engines use the partial index of V9.
        String sql = "SELECT id, email FROM userpass WHERE app_id = ? AND password_hash = '" + JdbcUserpassStore.NO_PASSWORD
                + "' AND id > ? AND (reset_token_id IS NULL OR reset_expires_at <= ?) ORDER BY id LIMIT ?";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, appId);
                ps.setString(2, Objects.requireNonNullElse(afterId, ""));
                ps.setLong(3, now.toEpochMilli());
                ps.setInt(4, limit);
                List<EmailAccount> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EmailAccount(rs.getString(1), rs.getString(2)));
                    }
                }
                return out;
            }
        });
    }
}
