package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shortcut past Flyway is only taken when the schema really is current. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void latestIsTheNewestScriptOfEveryDialect() throws IOException, URISyntaxException {
        for (Dialect d : Dialect.all()) {
            Path folder = Path.of(getClass().getResource("/" + d.migrationLocation().substring("classpath:".length())).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                        .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
                assertThat(newest).as(d + " migrations").isEqualTo(Migrations.LATEST);
            }
        }
    }

    /** How many migration scripts the dialect's folder holds (versions may have gaps: branches take numbers apart). */
    private long scripts(Dialect d) throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource("/" + d.migrationLocation().substring("classpath:".length())).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    @Test
    void emptyDatabaseIsMigratedThenTheSecondOpenSkipsFlyway() throws IOException, URISyntaxException {
        JdbcSettings settings = new JdbcSettings("sqlite:" + dir.resolve("a.db"), 2, Duration.ofSeconds(2), null);
        try (JdbcStore first = JdbcStore.open(settings, TestKeys.KEY)) {
            assertThat(first.migrationsApplied()).as("every script of the folder").isEqualTo((int) scripts(Dialect.SQLITE));
        }
        try (Database db = Database.open(settings)) {
            assertThat(Migrations.isCurrent(db)).isTrue();
        }
        try (JdbcStore second = JdbcStore.open(settings, TestKeys.KEY)) {
            assertThat(second.migrationsApplied()).isZero();
        }
    }

    @Test
    void databaseBehindTheLatestIsNotCurrent() throws Exception {
        JdbcSettings settings = new JdbcSettings("sqlite:" + dir.resolve("b.db"), 2, Duration.ofSeconds(2), null);
        JdbcStore.open(settings, TestKeys.KEY).close();
        try (Database db = Database.open(settings)) {
            db.write(c -> c.createStatement().executeUpdate(
                    "UPDATE flyway_schema_history SET version = '2' WHERE version = '" + Migrations.LATEST + "'"));
            assertThat(Migrations.isCurrent(db)).isFalse();
        }
    }
}
