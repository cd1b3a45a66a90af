package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator minimum, run in-process against the same SQLite file a server uses. */
class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run atrium(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = AtriumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String[] with(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dir.toString();
        return all;
    }

    /** The SQLite store of data directory {@code dataDir}, opened as the CLI opens it (its master key included). */
    static dev.atrium.store.jdbc.JdbcStore openStore(Path dataDir) {
        return dev.atrium.server.app.Stores.open(TestServer.config(dataDir, "sqlite:" + dataDir.resolve("atrium.db")), 1, null);
    }

    @Test
    void aotTrainingPrepareThenRunDrivesGuestRoundTripsOnItsOwnStoreAndStopsTheServer() throws Exception {
        Path training = dir.resolve("training");
        Run prepared = atrium("aot-training", "prepare", training.toString());
        Run trained = atrium("aot-training", "run", training.toString(), "--rounds", "3");

        assertThat(prepared.code()).as(prepared.err()).isZero();
        assertThat(trained.code()).as(trained.err()).isZero();
        try (var store = openStore(training)) {
            String app = store.apps().list().getFirst().id();
            assertThat(store.stats().countUsers(app).total()).as("every trained guest logged out, so deleted").isZero();
            assertThat(store.stats().eventsPerHour(app, java.time.Instant.EPOCH))
                    .filteredOn(h -> h.type().equals("user.created")).extracting(h -> h.count()).containsExactly(3L);
        }
        Run hidden = atrium("--help");
        assertThat(hidden.out()).doesNotContain("aot-training");
    }

    @Test
    void aotTrainingRefusesADirectoryThatExistsOrThatItDidNotPrepare() {
        Run existing = atrium("aot-training", "prepare", dir.toString());
        Run unprepared = atrium("aot-training", "run", dir.toString());

        assertThat(existing.code()).isNotZero();
        assertThat(existing.err()).contains("needs a new directory");
        assertThat(unprepared.code()).isNotZero();
        assertThat(unprepared.err()).contains("is not a scratch store");
        assertThat(dir.resolve("atrium.db")).doesNotExist();
    }

    @Test
    void adminTokensCreateOnTheStorePrintsATokenTheAdminApiAccepts() {
        try (TestServer server = TestServer.sqlite(dir)) {
            Run created = atrium(with("admin-tokens", "create", "--name", "recovered"));

            assertThat(created.code()).as(created.err()).isZero();
            String token = created.out().trim();
            assertThat(token).startsWith("atr_").doesNotContain(" ");
            assertThat(created.err()).contains("(recovered), shown only now");
            assertThat(server.send("GET", server.baseUrl() + "/api/admin/v1/apps", token, null).status()).isEqualTo(200);
        }
    }

    @Test
    void adminTokensCreateWithOutputWritesAnOwnerOnlyFile() throws Exception {
        atrium(with("migrate")); // store commands need a store: migrate (or serve) makes it
        Path file = dir.resolve("recovered-token");
        Run created = atrium(with("admin-tokens", "create", "--name", "ops", "--output", file.toString()));

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(created.out()).contains("written to " + file).doesNotContain("atr_");
        assertThat(java.nio.file.Files.readString(file)).startsWith("atr_");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void adminTokensCreateWithABadNameFailsAsTheApiDoesAndCreatesNothing() {
        atrium(with("migrate")); // store commands need a store: migrate (or serve) makes it
        Run blank = atrium(with("admin-tokens", "create", "--name", " "));
        Run tooLong = atrium(with("admin-tokens", "create", "--name", "x".repeat(65)));

        assertThat(blank.code()).isEqualTo(1);
        assertThat(blank.err()).contains("InvalidParameter").contains("name must be 1..64 characters");
        assertThat(tooLong.code()).isEqualTo(1);
        try (var store = openStore(dir)) {
            assertThat(store.adminTokens().list()).isEmpty();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // before the fix it printed its banner and waited forever
    void serveOnAPortInUseExitsOneSayingItCannotListenInsteadOfServingNothing() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run serve = atrium(with("serve", "--port", Integer.toString(taken.getLocalPort())));

            assertThat(serve.code()).isEqualTo(1);
            assertThat(serve.err()).contains("cannot listen", Integer.toString(taken.getLocalPort()));
            assertThat(serve.out()).doesNotContain("Atrium is serving");
        }
    }

    @Test
    void serveWithADataDirectoryItCannotMakeExitsOneNamingIt() {
        Run serve = atrium("serve", "--port", "0", "--data-dir", "/proc/atrium-cannot-be-made");

        assertThat(serve.code()).isEqualTo(1);
        assertThat(serve.err()).startsWith("atrium: ").contains("/proc/atrium-cannot-be-made").doesNotContain("\tat ");
    }

    @Test
    void appsCreateThenListShowsTheApp() {
        atrium(with("migrate")); // store commands need a store: migrate (or serve) makes it
        Run created = atrium(with("apps", "create", "My Game"));

        assertThat(created.code()).as(created.err()).isZero();
        String id = created.out().trim().replace("app id: ", "");
        assertThat(id).startsWith("my-game-");
        Run list = atrium(with("apps", "list"));
        assertThat(list.out()).contains(id).contains("My Game");
    }

    @Test
    void providersDisableThenRunningServerRefusesGuestLoginAndEnableRestoresIt() {
        try (TestServer server = TestServer.sqlite(dir)) {
            String login = server.client("/app/" + server.appId() + "/auth/providers/anon-user/login");
            String guest = server.guestLogin().get("user_id").asText();

            Run off = atrium(with("providers", "disable", "--app", server.appId(), "anon-user"));

            assertThat(off.code()).as(off.err()).isZero();
            Http.Reply refused = server.send("POST", login, (String) null, "{}");
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("error_code").asText()).isEqualTo("AuthProviderNotFound");
            assertThat(server.atrium.store().users().find(server.appId(), guest)).as("disabling keeps users").isPresent();

            assertThat(atrium(with("providers", "enable", "--app", server.appId(), "anon-user")).code()).isZero();
            assertThat(server.send("POST", login, (String) null, "{}").status()).isEqualTo(200);
        }
    }

    @Test
    void providersWithUnknownAppOrProviderFailWithExitCodeOne() {
        atrium(with("migrate"));

        Run noApp = atrium(with("providers", "disable", "--app", "nope", "anon-user"));
        Run noProvider = atrium(with("providers", "disable", "--app", "nope", "oauth2-myspace"));

        assertThat(noApp.code()).isEqualTo(1);
        assertThat(noApp.err()).contains("no app with id 'nope'");
        assertThat(noProvider.code()).isEqualTo(1);
        assertThat(noProvider.err()).contains("unknown provider");
    }

    @Test
    void storePathRefusesWhatTheAdminApiRefusesAndChangesNothing() {
        atrium(with("migrate")); // store commands need a store: migrate (or serve) makes it
        String id = atrium(with("apps", "create", "Shop")).out().trim().replace("app id: ", "");
        String before = atrium(with("apps", "list")).out();

        Run badConfig = atrium(with("providers", "enable", "--app", id, "anon-user", "--settings", "{\"x\":1}"));
        Run badWebhook = atrium(with("apps", "configure", "--app", id, "--webhook-url", "ftp://h.example/x"));
        Run badAlg = atrium(with("keys", "rotate", "--app", id, "--alg", "HS256"));

        assertThat(badConfig.code()).isEqualTo(1);
        assertThat(badConfig.err()).contains("InvalidParameter: anon-user config: anon-user takes no config");
        assertThat(badWebhook.code()).isEqualTo(1);
        assertThat(badWebhook.err()).contains("InvalidParameter: webhook_url must be an http(s) URL");
        assertThat(badAlg.code()).isEqualTo(1);
        assertThat(badAlg.err()).contains("InvalidParameter: alg must be one of");
        try (var store = openStore(dir)) {
            assertThat(store.apps().providers(id)).filteredOn(pc -> pc.type().equals("anon-user"))
                    .allSatisfy(pc -> assertThat(pc.config()).isEmpty());
            assertThat(store.apps().find(id).orElseThrow().settings().webhookUrl()).isNull();
            assertThat(store.signingKeys().forApp(id)).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(atrium(with("apps", "list")).out()).isEqualTo(before);
    }

    @Test
    void migrateAppliesOnceThenNothing() {
        Run first = atrium(with("migrate"));
        Run second = atrium(with("migrate"));

        assertThat(first.out()).containsPattern("migrations applied: [1-9]");
        assertThat(second.out()).contains("migrations applied: 0");
    }

    @Test
    void badConfigurationNamesEveryBadKeyAndExitsTwo() {
        Run r = atrium("serve", "--port", "70000", "--store-pool-size", "0", "--cache-ttl", "soon",
                "--public-url", "ftp://x/y", "--data-dir", dir.toString());

        assertThat(r.code()).isEqualTo(AtriumCommand.CONFIG_ERROR);
        assertThat(r.err()).contains("port: '70000' is not an integer in 0..65535")
                .contains("store-pool-size: '0' is not an integer in 1..512")
                .contains("cache-ttl:")
                .contains("public-url:");
    }

    @Test
    void sweepDryRunCountsThenSweepDeletesOnlyGuestsPastTheirPeriodAndEventsListShowsIt() {
        String old;
        String recent;
        try (TestServer server = TestServer.sqlite(dir)) {
            java.time.Instant now = server.clock.instant();
            server.clock.set(now.minus(java.time.Duration.ofDays(91)));
            old = server.guestLogin().get("user_id").asText();
            server.clock.set(now.minus(java.time.Duration.ofDays(89)));
            recent = server.guestLogin().get("user_id").asText();
        }

        Run dry = atrium(with("sweep", "--dry-run"));
        Run real = atrium(with("sweep", "--batch-size", "10"));
        Run again = atrium(with("sweep"));
        Run events = atrium(with("events", "list"));

        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("would delete 1 guests").contains(old);
        assertThat(real.out()).contains("deleted 1 guests");
        assertThat(again.out()).contains("deleted 0 guests");
        assertThat(events.out()).contains("user.deleted").contains(old).contains("inactivity");
        assertThat(events.out()).doesNotContain("user.deleted  " + recent);
        Run older = atrium(with("sweep", "--older-than", "30d"));
        assertThat(older.out()).contains("deleted 1 guests");
    }

    @Test
    void sweepOfAnUnknownAppOrABadBatchSizeFails() {
        atrium(with("migrate"));

        assertThat(atrium(with("sweep", "--app", "nope")).err()).contains("no app with id 'nope'");
        assertThat(atrium(with("sweep", "--batch-size", "0")).code()).isEqualTo(1);
    }

    @Test
    void appsConfigureChangesOnlyTheGivenSettingsAndRefusesBadOnes() {
        atrium(with("migrate")); // store commands need a store: migrate (or serve) makes it
        String id = atrium(with("apps", "create", "Shop")).out().trim().replace("app id: ", "");

        Run ok = atrium(with("apps", "configure", "--app", id, "--inactivity", "30d", "--webhook-url", "https://h.example/x",
                "--webhook-secret", "s3cr3t-not-shown")); // long enough never to occur in the random app id
        Run bad = atrium(with("apps", "configure", "--app", id, "--inactivity", "1h"));
        Run outOfRange = atrium(with("apps", "configure", "--app", id, "--access-token-lifetime", "100000d",
                "--guest-burst", "2000000000"));

        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("inactivity_s=2592000").contains("webhook_secret=***").doesNotContain("s3cr3t-not-shown");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("activity_granularity must be shorter than inactivity");
        assertThat(outOfRange.code()).isEqualTo(1);
        assertThat(outOfRange.err()).contains("access_token_lifetime_s must be a whole number in 60..86400")
                .contains("guest_burst must be a whole number in 1..1000000000");
    }
}
