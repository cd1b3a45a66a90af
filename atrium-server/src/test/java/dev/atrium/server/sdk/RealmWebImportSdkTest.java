package dev.atrium.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.cli.AtriumCommand;
import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An App Services app moved onto Atrium, as an operator does it (docs/migrating-from-app-services.md):
 * {@code atrium import app-services} of the fixture export (written from App Services' documented
 * formats) and its user list, then the commands the import printed, with the secrets filled in, then
 * the official {@code realm-web} 2.0.1 under Node configured with the app's ORIGINAL id
 * ({@code imported.test.mjs}): a custom-JWT login returns the imported user id; an imported e-mail
 * user resets the password and logs in with the imported id; an API key created after the import
 * works. Then the import runs again: nothing in the store changes, and realm-web's logins still hold.
 */
@Tag("external")
class RealmWebImportSdkTest {
    static final Path FIXTURES = NodeTestRunner.projectRoot().resolve("atrium-server/src/test/resources/appservices");
    static final String APP = "myapp-abcde";
    static final String JWT_SECRET = "the-value-of-myappJwtKey-0123456789abcdef";
    static final String ISSUER = "https://id.myapp.example.com";
    private static final Pattern COMMAND = Pattern.compile("atrium providers enable --app (\\S+) (\\S+) --settings '(.*)'");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run atrium(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = AtriumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    private Run importFixture() {
        Run run = atrium("import", "app-services", FIXTURES.resolve("myapp").toString(), "--users",
                FIXTURES.resolve("myapp-users.json").toString(), "--data-dir", dir.toString());
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        return run;
    }

    /** Runs each printed {@code providers enable} command of {@code types}, its placeholders filled from {@code values}. */
    private void runPrintedCommands(String printed, Map<String, String> values, String... types) {
        List<String> done = new ArrayList<>();
        Matcher m = COMMAND.matcher(printed);
        while (m.find()) {
            if (!List.of(types).contains(m.group(2))) {
                continue;
            }
            String settings = m.group(3).replace("'\\''", "'");
            for (Map.Entry<String, String> v : values.entrySet()) {
                settings = settings.replaceAll("\"" + Pattern.quote(v.getKey()) + "\":\"<[^\"]*>\"",
                        Matcher.quoteReplacement("\"" + v.getKey() + "\":\"" + v.getValue() + "\""));
            }
            assertThat(settings).as("every placeholder of %s filled", m.group(2)).doesNotContain("\"<");
            Run run = atrium("providers", "enable", "--app", m.group(1), m.group(2), "--settings", settings,
                    "--data-dir", dir.toString());
            assertThat(run.code()).as(run.err()).isZero();
            done.add(m.group(2));
        }
        assertThat(done).containsExactlyInAnyOrder(types);
    }

    private List<String> rows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("atrium.db"))) {
            for (String table : List.of("apps", "providers", "users", "identities", "userpass", "api_keys", "events")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table);
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
    void realmWebWithTheOriginalAppIdFindsTheImportedUsersAndASecondImportChangesNothing() throws Exception {
        RealmWebNode node = RealmWebNode.requireInstalled();
        try (TestServer server = TestServer.sqlite(dir); TokenWebhook webhook = TokenWebhook.start()) {
            Run imported = importFixture();
            runPrintedCommands(imported.out(), Map.of("shared_secret", JWT_SECRET, "issuer", ISSUER,
                    "webhook_url", webhook.hookUrl(), "webhook_secret", "myapp-webhook-secret-0123456789"),
                    "custom-token", "local-userpass");
            // One Node process plays every client from one address: lift the per-network limits
            // (PasswordGuessingTest and kin test them).
            dev.atrium.server.app.Atrium.appAdmin(server.atrium.store(), java.time.Clock.systemUTC()).patchSettings(APP,
                    Map.of("network_burst", 10_000, "network_rate_per_minute", 100_000));
            Path state = Files.createDirectories(dir.resolve("node-state"));
            Map<String, String> env = Map.of("ATRIUM_WEBHOOK_RECEIVER", webhook.baseUrl(),
                    "ATRIUM_USERS_FILE", FIXTURES.resolve("myapp-users.json").toString(), "ATRIUM_JWT_SECRET", JWT_SECRET,
                    "ATRIUM_JWT_ISSUER", ISSUER, "ATRIUM_STATE_DIR", state.toString());

            node.runPassing(server, APP, with(env, "first"), "imported.test.mjs");
            List<String> before = rows();
            Run again = importFixture();
            List<String> after = rows();
            node.runPassing(server, APP, with(env, "again"), "imported.test.mjs");

            assertThat(again.out()).contains("0 new, 6 updated")
                    .containsPattern("custom-token +enabled \\(unchanged\\)")
                    .containsPattern("local-userpass +enabled \\(unchanged\\)");
            assertThat(after).as("the second import changed no row").isEqualTo(before);
            assertThat(after).anyMatch(r -> r.startsWith("api_keys|"));
        }
    }

    private static Map<String, String> with(Map<String, String> env, String phase) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("ATRIUM_IMPORT_PHASE", phase);
        return all;
    }
}
