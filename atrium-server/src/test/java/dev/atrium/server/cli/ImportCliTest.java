package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code atrium import app-services} on the fixture export (written from App Services' documented
 * formats), run in-process on the store of a running server, then {@code atrium users send-resets}
 * over its admin API.
 */
class ImportCliTest extends AdminCliHarness {
    static final Path FIXTURES = NodeTestRunner.projectRoot().resolve("atrium-server/src/test/resources/appservices");
    static final String APP = "myapp-abcde";

    private Run importFixture(String... more) {
        List<String> args = new ArrayList<>(List.of("import", "app-services", FIXTURES.resolve("myapp").toString(),
                "--users", FIXTURES.resolve("myapp-users.json").toString(), FIXTURES.resolve("myapp-pending.json").toString(),
                "--data-dir", dir.toString()));
        args.addAll(List.of(more));
        return atrium(args.toArray(String[]::new));
    }

    /** Every row of the tables an import writes, in a fixed order: what "nothing changed" compares. */
    private List<String> rows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("atrium.db"))) {
            for (String sql : List.of("SELECT * FROM apps ORDER BY id", "SELECT * FROM providers ORDER BY app_id, type",
                    "SELECT * FROM users ORDER BY id", "SELECT * FROM identities ORDER BY user_id, position",
                    "SELECT * FROM userpass ORDER BY id", "SELECT * FROM api_keys ORDER BY id", "SELECT * FROM events")) {
                try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(sql.split(" ")[3]);
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append('|').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void dryRunPrintsTheAppEveryProviderAndTheCountsAndWritesNothing() throws Exception {
        start();
        List<String> before = rows();

        Run dry = importFixture("--dry-run");

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("(dry run: nothing is written)", "app myapp-abcde (\"myapp\"): would be created")
                .containsPattern("custom-token +waiting +needs shared_secret \\(secret\\), issuer")
                .containsPattern("oauth2-google +enabled \\(would change\\) +optional: client_secret \\(secret\\)")
                .contains("myapp-users.json: 6 records: 6 new, 0 updated, 0 left out")
                .contains("1 API-key identities left out", "1 pending registrations left out")
                .contains("custom-token metadata_fields user_data.plan: Atrium copies top-level claims only")
                .contains("atrium providers enable --app myapp-abcde custom-token --settings '{");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void importThenImportAgainChangesNothing() throws Exception {
        start();

        Run first = importFixture();
        List<String> after = rows();
        Run again = importFixture();

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("app myapp-abcde (\"myapp\"): created", "6 new, 0 updated");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("app myapp-abcde (\"myapp\"): unchanged", "0 new, 6 updated")
                .containsPattern("anon-user +enabled \\(unchanged\\)");
        assertThat(rows()).isEqualTo(after);
        assertThat(after).anyMatch(r -> r.startsWith("users|64b7f0c2a1b2c3d4e5f60701|myapp-abcde|normal|"));
    }

    @Test
    void aBadUsersFilePrintsEachProblemWithFileLineAndColumnImportsTheRestAndExitsOne() throws IOException {
        start();
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                [
                  {"_id": "64b7f0c2a1b2c3d4e5f607aa", "creation_date": 1700000000,
                   "identities": [{"id": "zed-1", "provider_type": "custom-token"}]},
                  {"_id": "not-an-object-id", "creation_date": 1700000000,
                   "identities": [{"id": "zed-2", "provider_type": "custom-token"}]},
                  {"_id": "64b7f0c2a1b2c3d4e5f607ab", "creation_date": 1700000000,
                   "identities": [{"id": "zed-3", "provider_type": "oauth2-myspace"}]},
                  {"_id": "64b7f0c2a1b2c3d4e5f607ac", "creation_date": 1700000000,
                   "identities": [{"id": "zed-1", "provider_type": "custom-token"}]},
                  {"_id": "64b7f0c2a1b2c3d4e5f607ad", "creation_date": 1700000000, "identities": [
                """);

        Run run = atrium("import", "app-services", FIXTURES.resolve("myapp").toString(), "--users", bad.toString(),
                "--data-dir", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("problem: " + bad + ":4:3: record 2: _id \"not-an-object-id\" is not a 24-hex ObjectId")
                .contains("problem: " + bad + ":6:3: record 3: unknown provider type \"oauth2-myspace\"")
                .contains("problem: " + bad + ":8:3: record 4: identity custom-token/zed-1 appears earlier in the input")
                .containsPattern("problem: " + java.util.regex.Pattern.quote(bad.toString()) + ":11:\\d+: malformed JSON")
                .contains("4 records: 1 new, 0 updated, 3 left out", "reading stopped at malformed JSON")
                .doesNotContain("Source:");
        assertThat(run.err()).contains("4 problems (printed above); the records they name were left out");
    }

    @Test
    void anExportThatCannotBeReadIsRefusedWithNothingWritten() throws Exception {
        start();
        Path export = Files.createDirectories(dir.resolve("broken/auth"));
        Files.writeString(export.resolve("providers.json"), "{}");
        List<String> before = rows();

        Run run = atrium("import", "app-services", dir.resolve("broken").toString(), "--data-dir", dir.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no app id: realm_config.json has no app_id", "nothing was written");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void sendResetsInvitesTheImportedEmailUsersThroughTheAppsResetWebhook() throws Exception {
        start();
        importFixture();
        try (WebhookReceiver hook = new WebhookReceiver()) {
            Run enabled = atrium("providers", "enable", "--app", APP, "local-userpass", "--settings",
                    "{\"confirmation\":\"webhook\",\"reset\":\"webhook\",\"webhook_url\":\"" + hook.url()
                            + "\",\"webhook_secret\":\"a-webhook-secret-of-some-length\"}", "--data-dir", dir.toString());
            assertThat(enabled.code()).as(enabled.err()).isZero();

            Run sent = api("users", "send-resets", "--app", APP, "--per-second", "50", "--wait");
            Run status = api("users", "send-resets", "--app", APP, "--status", "--json");

            assertThat(sent.code()).as(sent.err()).isZero();
            assertThat(sent.out()).startsWith("app myapp-abcde: finished, 2 sent, 0 throttled");
            assertThat(status.json().get("sent").asInt()).isEqualTo(2);
            assertThat(hook.all("reset", "ann@example.com")).hasSize(1);
            assertThat(hook.all("reset", "cy@example.com")).hasSize(1);
        }
    }
}
