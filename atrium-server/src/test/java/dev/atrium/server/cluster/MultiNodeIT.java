package dev.atrium.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.NodeProcess;
import dev.atrium.server.testing.PgSchema;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Atrium processes on one PostgreSQL database (docs/stores.md, Several nodes): one truth, any node serves
 * any token, and a change made elsewhere is in force at every node within the cache TTL.
 */
@Tag("postgres")
class MultiNodeIT {
    /** The bound documented in the README ("Scale out"): a change is in force within cache-ttl. */
    static final Duration CACHE_TTL = Duration.ofSeconds(1);
    /** Slack for process scheduling and HTTP on a loaded 2-core CI machine. */
    static final Duration SLACK = Duration.ofSeconds(2);

    @TempDir
    static Path dirA;
    @TempDir
    static Path dirB;
    /** The master key every node shares (README "Secrets at rest": same file on every node, never in the database). */
    @TempDir
    static Path keys;
    static Path masterKey;
    static PgSchema pg;
    static NodeProcess a;
    static NodeProcess b;

    @BeforeAll
    static void startTwoNodes() {
        masterKey = keys.resolve("master.key");
        NodeProcess.cli("keys", "new-master-key", "--output", masterKey.toString(), "--data-dir", keys.resolve("none").toString());
        pg = new PgSchema();
        a = NodeProcess.launch(storeArgs(pg, dirA)).awaitReady();
        b = NodeProcess.launch(storeArgs(pg, dirB)).awaitReady();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, pg}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // best effort; the next one still closes
            }
        }
    }

    /** A CLI command's flags for the same store: the store's own (--cache-ttl is a serve flag). */
    static String[] cliStoreArgs(PgSchema schema, Path dir) {
        return new String[] {"--store", schema.url, "--store-schema", schema.name, "--data-dir", dir.toString(),
                "--master-key-file", masterKey.toString()};
    }

    static String[] storeArgs(PgSchema schema, Path dir) {
        return new String[] {"--store", schema.url, "--store-schema", schema.name, "--data-dir", dir.toString(),
                "--cache-ttl", CACHE_TTL.toMillis() + "ms", "--master-key-file", masterKey.toString()};
    }

    static String client(NodeProcess node, String suffix) {
        return node.baseUrl() + "/api/client/v2.0" + suffix;
    }

    @Test
    void bothNodesServeTheSameFirstApp() {
        assertThat(b.appId()).isEqualTo(a.appId());
    }

    @Test
    void tokenIssuedByNodeAIsVerifiedRefreshedAndLoggedOutAtNodeB() {
        JsonNode guest = Http.guestLogin(a.baseUrl(), a.appId());
        String access = guest.get("access_token").asText();
        String refresh = guest.get("refresh_token").asText();

        assertThat(Http.send("GET", client(b, "/auth/profile"), access, null).json().get("user_id").asText())
                .isEqualTo(guest.get("user_id").asText());
        String fromB = Http.send("POST", client(b, "/auth/session"), refresh, null).json().get("access_token").asText();
        assertThat(Http.send("GET", client(a, "/auth/profile"), fromB, null).status()).isEqualTo(200);
        assertThat(Http.send("DELETE", client(b, "/auth/session"), refresh, null).status()).isEqualTo(204);
        Http.Reply afterLogout = Http.send("POST", client(a, "/auth/session"), refresh, null);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.json().get("error").asText()).contains("failed to find refresh token");
        assertThat(pg.scalar("SELECT count(*) FROM users WHERE id = '" + guest.get("user_id").asText() + "'")).isZero();
    }

    @Test
    void providerChangeMadeElsewhereIsInForceAtBothNodesWithinTheCacheTtl() {
        String[] store = cliStoreArgs(pg, dirA);
        try {
            NodeProcess.cli(concat(new String[] {"providers", "disable", "--app", a.appId(), "anon-user"}, store));
            long disabledAt = System.nanoTime();

            Duration tookB = awaitTrue(() -> loginStatus(b) == 404, CACHE_TTL.plus(SLACK).multipliedBy(2));
            Duration tookA = awaitTrue(() -> loginStatus(a) == 404, CACHE_TTL.plus(SLACK).multipliedBy(2));

            assertThat(Duration.ofNanos(System.nanoTime() - disabledAt)).isLessThanOrEqualTo(CACHE_TTL.plus(SLACK));
            assertThat(tookA).isLessThanOrEqualTo(CACHE_TTL.plus(SLACK));
            assertThat(tookB).isLessThanOrEqualTo(CACHE_TTL.plus(SLACK));
        } finally {
            NodeProcess.cli(concat(new String[] {"providers", "enable", "--app", a.appId(), "anon-user"}, store));
        }
        awaitTrue(() -> loginStatus(a) == 200 && loginStatus(b) == 200, CACHE_TTL.plus(SLACK).multipliedBy(2));
    }

    @Test
    void keyRotationIsHonouredByBothNodesOldTokensStayValidNewOnesVerifyAnywhere() {
        JsonNode before = Http.guestLogin(a.baseUrl(), a.appId());
        String oldKid = Tokens.kid(before.get("access_token").asText());

        NodeProcess.cli(concat(new String[] {"keys", "rotate", "--app", a.appId()}, cliStoreArgs(pg, dirA)));

        awaitTrue(() -> !Tokens.kid(Http.guestLogin(a.baseUrl(), a.appId()).get("access_token").asText()).equals(oldKid),
                CACHE_TTL.plus(SLACK).multipliedBy(2));
        JsonNode after = Http.guestLogin(a.baseUrl(), a.appId());
        String newKid = Tokens.kid(after.get("access_token").asText());
        awaitTrue(() -> jwks(b).contains(newKid), CACHE_TTL.plus(SLACK).multipliedBy(2));

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(jwks(a)).contains(oldKid, newKid);
        assertThat(jwks(b)).contains(oldKid, newKid);
        assertThat(Http.send("GET", client(b, "/auth/profile"), before.get("access_token").asText(), null).status())
                .as("a token signed before the rotation is still valid").isEqualTo(200);
        assertThat(Http.send("POST", client(b, "/auth/session"), before.get("refresh_token").asText(), null).status())
                .as("a refresh token signed before the rotation is still valid").isEqualTo(201);
        assertThat(Http.send("GET", client(b, "/auth/profile"), after.get("access_token").asText(), null).status()).isEqualTo(200);
    }

    @Test
    void twoNodesStartingAtOnceOnAnEmptyDatabaseCreateExactlyOneAppAndOneKeySet(@TempDir Path d1, @TempDir Path d2) {
        try (PgSchema empty = new PgSchema()) {
            NodeProcess first = NodeProcess.launch(storeArgs(empty, d1));
            NodeProcess second = NodeProcess.launch(storeArgs(empty, d2));
            try (first; second) {
                first.awaitReady();
                second.awaitReady();

                assertThat(second.appId()).isEqualTo(first.appId());
                assertThat(empty.scalar("SELECT count(*) FROM apps")).isEqualTo(1);
                assertThat(empty.scalar("SELECT count(*) FROM signing_keys")).isEqualTo(1);
                assertThat(empty.scalar("SELECT count(*) FROM admin_tokens")).isEqualTo(1);
                assertThat(List.of(first.output(), second.output()))
                        .filteredOn(o -> o.contains("admin token: written to")).hasSize(1);
            }
        }
    }

    @Test
    void aNodeWithoutTheStoresMasterKeyRefusesToStartSayingWhereTheKeyMustComeFrom(@TempDir Path own) {
        try (NodeProcess node = NodeProcess.launch("--store", pg.url, "--store-schema", pg.name, "--data-dir", own.toString())) {
            assertThat(node.awaitExit(60)).as(node.output()).isEqualTo(4);
            assertThat(node.output()).contains("the store's secrets are encrypted with master key")
                    .contains(own.resolve("master.key") + " (the default, in the data directory) does not exist")
                    .contains("point master-key-file (ATRIUM_MASTER_KEY_FILE, --master-key-file) at it");
        }
        assertThat(own.resolve("master.key")).as("no key is made for a store that has one").doesNotExist();
    }

    @Test
    void twoSweepersRunningAtOnceDeleteEachExpiredGuestExactlyOnce() throws Exception {
        int guests = 5_000;
        long old = java.time.Instant.now().minus(Duration.ofDays(120)).toEpochMilli();
        try (var c = pg.connect(); var st = c.createStatement()) {
            // Expired guests inserted in bulk (as a year of sign-ups would leave them): users and identities.
            st.execute("INSERT INTO users (id, app_id, type, disabled, anonymous, created_at, last_active_at) "
                    + "SELECT 'sweep' || lpad(g::text, 19, '0'), '" + a.appId() + "', 'normal', false, true, " + old + ", "
                    + old + " FROM generate_series(1, " + guests + ") g");
            st.execute("INSERT INTO identities (app_id, provider_type, subject, user_id, position, created_at) "
                    + "SELECT app_id, 'anon-user', id, id, 0, created_at FROM users WHERE id LIKE 'sweep%'");
        }
        String[] sweep = concat(new String[] {"sweep", "--batch-size", "100"}, cliStoreArgs(pg, dirA));

        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> NodeProcess.cli(sweep));
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> NodeProcess.cli(sweep));
        String out = first.get() + "\n" + second.get();

        assertThat(pg.scalar("SELECT count(*) FROM users WHERE id LIKE 'sweep%'")).isZero();
        assertThat(pg.scalar("SELECT count(*) FROM events WHERE type = 'user.deleted' AND user_id LIKE 'sweep%'")).isEqualTo(guests);
        assertThat(pg.scalar("SELECT count(DISTINCT user_id) FROM events WHERE type = 'user.deleted' AND user_id LIKE 'sweep%'"))
                .isEqualTo(guests);
        assertThat(out).contains("deleted");
    }

    private static int loginStatus(NodeProcess node) {
        return Http.send("POST", client(node, "/app/" + node.appId() + "/auth/providers/anon-user/login"), null, "{}").status();
    }

    private static String jwks(NodeProcess node) {
        return Http.send("GET", client(node, "/app/" + node.appId() + "/.well-known/jwks.json"), null, null).body();
    }

    /** Polls every 50 ms until true; returns how long it took, or fails after {@code max}. */
    static Duration awaitTrue(BooleanSupplier condition, Duration max) {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > max.toNanos()) {
                throw new AssertionError("condition not met within " + max);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static String[] concat(String[] head, String[] tail) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
