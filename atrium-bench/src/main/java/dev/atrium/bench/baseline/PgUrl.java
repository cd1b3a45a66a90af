package dev.atrium.bench.baseline;

import java.net.URI;
import java.util.Properties;

/**
 * A {@code postgresql://[user[:password]@]host[:port]/db} URL (the server's store-url form) as a
 * JDBC URL and connection properties. The store's own parser is package-private to atrium-store-jdbc.
 */
public record PgUrl(String jdbcUrl, String user, String password) {

    public static PgUrl parse(String url) {
        if (url.startsWith("jdbc:")) {
            return new PgUrl(url, null, null);
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
        return new PgUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getPath() + query, user, password);
    }

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
