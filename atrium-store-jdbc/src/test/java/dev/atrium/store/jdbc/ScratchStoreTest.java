package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.Apps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The only kind of store whose guest limits tooling may lift: one it made itself, new, in a new place. */
class ScratchStoreTest {
    @TempDir
    Path dir;

    @Test
    void createWhenTheDirectoryExistsThenRefusedAndNothingIsWritten() throws Exception {
        Path existing = Files.createDirectory(dir.resolve("operator-data"));

        assertThatThrownBy(() -> ScratchStore.createSqlite(existing)).hasMessageContaining("needs a new directory");
        try (var left = Files.list(existing)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void reopenWhenTheDirectoryHasNoMarkerThenRefused() {
        assertThatThrownBy(() -> ScratchStore.reopen(dir)).hasMessageContaining("is not a scratch store");
    }

    @Test
    void reopenFindsTheStoreThatCreateMadeAndItsMarkerIsOwnerOnly() throws Exception {
        ScratchStore made = ScratchStore.createSqlite(dir.resolve("s"));

        ScratchStore again = ScratchStore.reopen(dir.resolve("s"));

        assertThat(again.storeUrl()).isEqualTo(made.storeUrl()).isEqualTo("sqlite:" + dir.resolve("s/atrium.db"));
        assertThat(again.schema()).isNull();
        assertThat(Files.getPosixFilePermissions(dir.resolve("s").resolve(ScratchStore.MARKER)))
                .isEqualTo(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void liftGuestLimitsRaisesTheAppsAdmissionLimitsAndKeepsItsOtherSettings() {
        ScratchStore scratch = ScratchStore.createSqlite(dir.resolve("s"));
        scratch.migrate();
        App app = firstApp(scratch);

        scratch.liftGuestLimits(app.id());

        AppSettings after = settings(scratch, app.id());
        assertThat(after.guestRatePerHour()).isGreaterThanOrEqualTo(1_000_000_000);
        assertThat(after.guestBurst()).isGreaterThanOrEqualTo(1_000_000_000);
        assertThat(after.guestAppBudgetPerHour()).as("no app-wide budget").isZero();
        assertThat(after.inactivity()).isEqualTo(AppSettings.DEFAULTS.inactivity());
    }

    @Tag("postgres")
    @Test
    void createPostgresMakesANewSchemaThatDeleteDrops() {
        ScratchStore scratch = ScratchStore.createPostgres(dir.resolve("pg"), PostgresStoreTest.url());
        try {
            scratch.migrate();
            assertThat(scratch.schema()).startsWith("atrium_scratch_");
            assertThatThrownBy(() -> PostgresSchemas.createNew(scratch.storeUrl(), scratch.schema()))
                    .as("a plain CREATE SCHEMA: an existing schema is never taken over").hasMessageContaining("already exists");
            App app = firstApp(scratch);
            scratch.liftGuestLimits(app.id());
            assertThat(settings(scratch, app.id()).guestBurst()).isGreaterThanOrEqualTo(1_000_000_000);
        } finally {
            scratch.delete();
        }
        assertThat(dir.resolve("pg")).doesNotExist();
        // Dropped: creating it again succeeds (and is cleaned up).
        PostgresSchemas.createNew(scratch.storeUrl(), scratch.schema());
        PostgresSchemas.drop(scratch.storeUrl(), scratch.schema());
    }

    private static App firstApp(ScratchStore scratch) {
        try (JdbcStore store = JdbcStore.open(settingsOf(scratch), scratch.masterKey())) {
            App app = Apps.newApp("default", Instant.now());
            return store.apps().createFirstApp(app, Apps.defaultProviders(app, Instant.now()));
        }
    }

    private static AppSettings settings(ScratchStore scratch, String appId) {
        try (JdbcStore store = JdbcStore.open(settingsOf(scratch), scratch.masterKey())) {
            return store.apps().find(appId).orElseThrow().settings();
        }
    }

    private static JdbcSettings settingsOf(ScratchStore scratch) {
        return new JdbcSettings(scratch.storeUrl(), 2, Duration.ofSeconds(5), scratch.schema());
    }
}
