package dev.atrium.bench.server;

import dev.atrium.bench.baseline.PgUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * What a launched server owns on disk and in the database: its data directory (SQLite file,
 * admin token, log) and, on PostgreSQL, a schema of its own so runs never share rows.
 */
final class ServerFiles {
    private final Path dataDir;
    private final String postgresUrl;
    private final String schema;
    private final boolean keep;

    ServerFiles(Path dataDir, String postgresUrl, boolean keep) {
        this.dataDir = dataDir;
        this.postgresUrl = postgresUrl;
        this.schema = postgresUrl == null ? null
                : "atrium_bench_server_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.keep = keep;
    }

    List<String> storeArguments() {
        return postgresUrl == null ? List.of() : List.of("--store", postgresUrl, "--store-schema", schema);
    }

    String storeUrl() {
        return postgresUrl == null ? "sqlite:" + dataDir.resolve("atrium.db") : postgresUrl;
    }

    /** The PostgreSQL schema, or null on SQLite. */
    String schema() {
        return schema;
    }

    void clean() {
        if (keep) {
            System.err.println("atrium-bench: kept " + dataDir + (schema == null ? "" : " and schema " + schema));
            return;
        }
        if (schema != null) {
            PgUrl pg = PgUrl.parse(postgresUrl);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.properties());
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                System.err.println("atrium-bench: could not drop schema " + schema + ": " + e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("atrium-bench: could not delete " + dataDir + ": " + e.getMessage());
        }
    }
}
