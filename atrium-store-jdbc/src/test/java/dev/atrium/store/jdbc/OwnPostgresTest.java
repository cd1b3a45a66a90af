package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.store.tck.OwnPostgres;
import dev.atrium.store.tck.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL the tests start when none is named and none answers on 5432 (a laptop with only
 * a JDK): a real cluster that a store migrates and writes, gone after close.
 */
@Tag("postgres")
class OwnPostgresTest {

    @Test
    void startThenAStoreMigratesAndWritesThereAndCloseStopsIt() {
        String url;
        try (OwnPostgres pg = OwnPostgres.start()) {
            url = pg.url();
            try (JdbcStore store = JdbcStore.open(new JdbcSettings(url, 2, Duration.ofSeconds(5), null), TestKeys.KEY)) {
                assertThat(store.migrationsApplied()).isEqualTo(Migrations.LATEST);
                App app = Apps.newApp("own", Instant.ofEpochMilli(System.currentTimeMillis())); // stores keep milliseconds
                store.apps().create(app, Apps.defaultProviders(app, app.createdAt()));
                assertThat(store.apps().find(app.id())).contains(app);
            }
        }
        int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
        assertThat(TestPostgres.answers(port)).as("the cluster is stopped").isFalse();
    }
}
