package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.FirstStart;
import dev.atrium.server.app.Stores;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.PgSchema;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's AOT training (scripts/aot-cache.sh, as {@code ./atrium} sources it) run the way
 * an operator's first start runs it: with {@code ATRIUM_STORE_URL}, {@code ATRIUM_CONFIG}, an
 * {@code ./atrium.properties} in the working directory, {@code ATRIUM_DATA_DIR} and
 * {@code ATRIUM_PORT} all naming the operator's own stores, directory and port. The training must
 * still produce its cache, and leave every one of them exactly as it was.
 */
@Tag("postgres")
class AotTrainingIsolationIT {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path BUILT = REPO.resolve("atrium-server/target");

    @TempDir
    Path dir;

    @Test
    void trainingWhenTheEnvironmentNamesOperatorStoresThenTheyAreUntouchedAndTheCacheIsMade() throws Exception {
        Path jar = copyOfTheBuild();
        Path configStore = dir.resolve("config-store.db");
        Path propertiesStore = dir.resolve("properties-store.db");
        Path operatorData = dir.resolve("operator-data");
        Path operatorKey = dir.resolve("operator-master.key");
        Path workDir = Files.createDirectories(dir.resolve("operator-cwd"));
        existingStore(configStore);
        Files.writeString(dir.resolve("operator.properties"), "store-url=sqlite:" + configStore + "\n");
        Files.writeString(workDir.resolve("atrium.properties"), "store-url=sqlite:" + propertiesStore + "\n");
        Map<String, List<String>> configStoreBefore = sqliteRows(configStore);

        try (PgSchema pg = new PgSchema(); ServerSocket operatorPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            createEmptySchema(pg);
            Map<String, String> env = Map.of("ATRIUM_STORE_URL", pg.url, "ATRIUM_STORE_SCHEMA", pg.name,
                    "ATRIUM_CONFIG", dir.resolve("operator.properties").toString(),
                    "ATRIUM_DATA_DIR", operatorData.toString(), "ATRIUM_PORT", Integer.toString(operatorPort.getLocalPort()),
                    "ATRIUM_MASTER_KEY_FILE", operatorKey.toString());

            String aotOptions = runTheLaunchersTrainingPath(jar, workDir, env);

            assertThat(aotOptions).as("the launcher uses the cache it trained").contains("-XX:AOTCache=");
            assertThat(Path.of(jar.toString().replace(".jar", ".aot"))).exists();
            assertThat(pg.scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + pg.name + "'"))
                    .as("the operator's PostgreSQL schema got no table: no migration, app, user or token").isZero();
        }
        assertThat(sqliteRows(configStore)).as("the store ATRIUM_CONFIG names, row for row").isEqualTo(configStoreBefore);
        assertThat(propertiesStore).as("./atrium.properties' store").doesNotExist();
        assertThat(operatorData).as("ATRIUM_DATA_DIR (no admin-token written there)").doesNotExist();
        assertThat(operatorKey).as("ATRIUM_MASTER_KEY_FILE (never read, never made)").doesNotExist();
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("the training's own directory (mktemp -d) is gone").isEmpty();
        }
    }

    /** The server jar and its lib/ in a directory of the test's own, so the cache is trained beside it, not beside the build's. */
    private Path copyOfTheBuild() throws IOException {
        Path build = Files.createDirectories(dir.resolve("build/lib"));
        try (Stream<Path> libs = Files.list(BUILT.resolve("lib"))) {
            for (Path lib : libs.toList()) {
                Files.copy(lib, build.resolve(lib.getFileName()));
            }
        }
        return Files.copy(BUILT.resolve("atrium-server.jar"), build.getParent().resolve("atrium-server.jar"));
    }

    /** What ./atrium does before exec: find the JDK, source scripts/aot-cache.sh; prints the aot options it chose. */
    private String runTheLaunchersTrainingPath(Path jar, Path workDir, Map<String, String> operatorEnv) throws Exception {
        String script = "set -euo pipefail; jar='" + jar + "'; modules=atrium-server; "
                + "opts=(-XX:+UseSerialGC -Xms16m -Xmx256m); . '" + REPO.resolve("scripts/find-jdk.sh") + "'; "
                + ". '" + REPO.resolve("scripts/aot-cache.sh") + "'; "
                + "echo \"aot: ${aot[*]:-}\"";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(operatorEnv);
        pb.environment().put("JAVA_HOME", jdk25().toString());
        pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        pb.environment().remove("ATRIUM_AOT");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the training path did not finish in 180 s");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("training output").doesNotContain("AOT training failed");
        return output;
    }

    /** The launcher trains only on JDK 25+ (JEP 483/514/515); this machine's CI has Temurin 25. */
    private static Path jdk25() throws IOException {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.sorted().toList()) {
                Path release = jdk.resolve("release");
                if (Files.isExecutable(jdk.resolve("bin/java")) && Files.exists(release)) {
                    String v = Files.readString(release).replaceAll("(?s).*JAVA_VERSION=\"(\\d+).*", "$1");
                    if (v.matches("\\d+") && Integer.parseInt(v) >= 25) {
                        return jdk.toRealPath();
                    }
                }
            }
        }
        throw new AssertionError("this test needs a JDK 25+ under /usr/lib/jvm: the launcher trains its AOT cache only there");
    }

    /** A store in use: migrated, with its first app and admin token. */
    private void existingStore(Path file) {
        AtriumConfig config = new AtriumConfig("127.0.0.1", 0, null, dir.resolve("existing-data"), "sqlite:" + file, 2,
                Duration.ofSeconds(2), null, Duration.ofSeconds(5));
        try (AtriumStore store = Stores.open(config)) {
            FirstStart.run(store, config.dataDir(), Instant.now());
        }
    }

    private static void createEmptySchema(PgSchema pg) throws SQLException {
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + pg.name);
        }
    }

    /** Every row of every table, as text, by table name. */
    private static Map<String, List<String>> sqliteRows(Path file) throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= n; i++) {
                            line.append(rs.getString(i)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, lines);
            }
        }
        assertThat(rows).as("the operator's store has its app").containsKey("apps");
        return rows;
    }
}
