package dev.atrium.store.jdbc;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Where and how to connect. {@code url} is {@code sqlite:<file>} (or {@code jdbc:sqlite:<file>}),
 * or {@code postgresql://[user[:password]@]host[:port]/db} (or the {@code jdbc:postgresql:} form).
 *
 * @param poolSize connections for reads (SQLite) or for everything (PostgreSQL)
 * @param connectionTimeout how long a request waits for a connection before failing with 503;
 *     short by default so a dead database fails requests fast instead of piling them up
 * @param schema PostgreSQL schema to use (created by migration); null for the user's default
 * @param metricRegistry a Micrometer MeterRegistry for the pools' metrics (HikariCP's own
 *     integration), or null; typed Object so this module needs no Micrometer
 */
public record JdbcSettings(String url, int poolSize, Duration connectionTimeout, String schema, Object metricRegistry) {

    /** Settings without pool metrics. */
    public JdbcSettings(String url, int poolSize, Duration connectionTimeout, String schema) {
        this(url, poolSize, connectionTimeout, schema, null);
    }

    /** The dialect the url names; IllegalArgumentException for any other scheme. */
    public Dialect dialect() {
        Dialect dialect = Dialect.forUrl(url);
        if (dialect == null) {
            throw new IllegalArgumentException("store url must start with sqlite: or postgresql://, got " + redacted());
        }
        return dialect;
    }

    /** The SQLite file of a {@code sqlite:} url. */
    public Path sqliteFile() {
        String rest = url.substring(url.toLowerCase(Locale.ROOT).indexOf("sqlite:") + "sqlite:".length());
        return Path.of(rest);
    }

    /** The JDBC url of a PostgreSQL store, with user and password moved out of it. */
    public PgTarget postgres() {
        if (url.startsWith("jdbc:")) {
            return new PgTarget(url, null, null);
        }
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "postgresql://"));
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        String query = uri.getQuery() == null ? "" : "?" + uri.getQuery();
        return new PgTarget("jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query, user, password);
    }

    /** The url without a password, for logs. */
    public String redacted() {
        return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
    }

    /** A PostgreSQL server as JDBC wants it: the url, and the user and password apart (null when absent). */
    public record PgTarget(String jdbcUrl, String user, String password) {

        /** {@code user} and {@code password} as driver properties, for {@code DriverManager}. */
        public Properties properties() {
            Properties p = new Properties();
            if (user != null) {
                p.setProperty("user", user);
            }
            if (password != null) {
                p.setProperty("password", password);
            }
            return p;
        }
    }

    /** The server and credentials of a {@code postgresql://} (or {@code jdbc:postgresql:}) url. */
    public static PgTarget postgres(String url) {
        return new JdbcSettings(url, 1, Duration.ofSeconds(5), null).postgres();
    }
}
