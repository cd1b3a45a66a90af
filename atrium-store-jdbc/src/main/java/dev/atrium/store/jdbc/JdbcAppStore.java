package dev.atrium.store.jdbc;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AppStore} over JDBC. The secret fields of settings and provider configs (webhook secret,
 * SMTP password, shared secrets: {@link dev.atrium.core.apps.SecretFields}) are stored encrypted,
 * each bound to its app and field ({@link SecretCodec}).
 */
final class JdbcAppStore implements AppStore {
    private static final String FIRST_APP_KEY = "first_app";
    private final Database db;
    private final SecretCodec secrets;

    JdbcAppStore(Database db, SecretCodec secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    @Override
    public void create(App app, List<ProviderConfig> providers) {
        try {
            db.write(c -> {
                insertApp(c, app, providers);
                return null;
            });
        } catch (UniqueViolationException e) {
            throw new IllegalStateException("app " + app.id() + " exists", e);
        }
    }

    @Override
    public App createFirstApp(App app, List<ProviderConfig> providers) {
        // The claim row makes "first app" a unique-key race: on PostgreSQL a second node's insert
        // waits for the first transaction and then does nothing; on SQLite writers are serial.
        String firstId;
        try {
            firstId = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO server_state (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, FIRST_APP_KEY);
                ps.setString(2, app.id());
                if (ps.executeUpdate() == 1) {
                    insertApp(c, app, providers);
                    return app.id();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM server_state WHERE key = ?")) {
                ps.setString(1, FIRST_APP_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
            });
        } catch (UniqueViolationException e) {
            throw new IllegalStateException("app " + app.id() + " exists", e);
        }
        return find(firstId).orElseThrow(() -> new IllegalStateException("first app " + firstId + " was deleted"));
    }

    private void insertApp(Connection c, App app, List<ProviderConfig> providers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO apps (id, name, created_at, settings) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, app.id());
            ps.setString(2, app.name());
            ps.setLong(3, app.createdAt().toEpochMilli());
            ps.setString(4, Json.write(secrets.sealSettings(app.id(), app.settings().toMap())));
            ps.executeUpdate();
        }
        for (ProviderConfig p : providers) {
            upsertProvider(c, p);
        }
    }

    @Override
    public Optional<App> find(String appId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at, settings FROM apps WHERE id = ?")) {
                ps.setString(1, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(app(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<App> list() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, created_at, settings FROM apps ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                List<App> apps = new ArrayList<>();
                while (rs.next()) {
                    apps.add(app(rs));
                }
                return apps;
            }
        });
    }

    @Override
    public List<ProviderConfig> providers(String appId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, app_id, type, enabled, config FROM providers WHERE app_id = ?")) {
                ps.setString(1, appId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ProviderConfig> list = new ArrayList<>();
                    while (rs.next()) {
                        String app = rs.getString(2);
                        String type = rs.getString(3);
                        list.add(new ProviderConfig(rs.getString(1), app, type, rs.getBoolean(4),
                                secrets.openConfig(app, type, Json.readObject(rs.getString(5)))));
                    }
                    return list;
                }
            }
        });
    }

    @Override
    public boolean updateSettings(String appId, AppSettings settings) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE apps SET settings = ? WHERE id = ?")) {
                ps.setString(1, Json.write(secrets.sealSettings(appId, settings.toMap())));
                ps.setString(2, appId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean saveProvider(ProviderConfig provider) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM apps WHERE id = ?")) {
                ps.setString(1, provider.appId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                }
            }
            upsertProvider(c, provider);
            return true;
        });
    }

    private void upsertProvider(Connection c, ProviderConfig p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO providers (id, app_id, type, enabled, config) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (app_id, type) DO UPDATE SET enabled = excluded.enabled, config = excluded.config")) {
            ps.setString(1, p.id());
            ps.setString(2, p.appId());
            ps.setString(3, p.type());
            ps.setBoolean(4, p.enabled());
            ps.setString(5, Json.write(secrets.sealConfig(p.appId(), p.type(), p.config())));
            ps.executeUpdate();
        }
    }

    private App app(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        return new App(id, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                AppSettings.fromMap(secrets.openSettings(id, Json.readObject(rs.getString(4)))));
    }
}
