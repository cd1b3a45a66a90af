package dev.atrium.interop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/**
 * A real Atrium server on SQLite in this JVM with one app per {@link Alg}, set up the way an
 * operator would through the admin API: a new app (ES256, the default) and a new app rotated to
 * EdDSA (its retired ES256 key stays in the JWKS, as after any switch). Started once per test run
 * by {@link AtriumTokensExtension}.
 */
final class AtriumTokens implements AutoCloseable {
    /** How far back the server's clock is set to issue the expired tokens (lifetime is 30 min). */
    private static final Duration EXPIRED_AGO = Duration.ofHours(2);

    private final Path dir;
    private final TestServer server;
    private final Map<Alg, AppTokens> apps = new EnumMap<>(Alg.class);
    private String edDsaOnlyIssuer;

    private AtriumTokens(Path dir) {
        this.dir = dir;
        this.server = TestServer.sqlite(dir);
    }

    static AtriumTokens start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("atrium-interop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtriumTokens t = new AtriumTokens(dir);
        try {
            String admin = Files.readString(dir.resolve("admin-token")).trim();
            t.apps.put(Alg.ES256, t.issue(Alg.ES256, t.createApp(admin, "Interop ES256")));
            String edApp = t.createApp(admin, "Interop EdDSA");
            t.adminPost(admin, "/apps/" + edApp + "/signing_keys/rotate", "{\"alg\":\"EdDSA\"}");
            t.apps.put(Alg.EdDSA, t.issue(Alg.EdDSA, edApp));
            String oldApp = t.createApp(admin, "Interop EdDSA only");
            t.server.atrium.store().signingKeys().insertFirst(
                    KeyRing.generate(oldApp, t.server.clock.instant(), com.nimbusds.jose.JWSAlgorithm.EdDSA));
            t.edDsaOnlyIssuer = t.server.client("/app/" + oldApp);
            return t;
        } catch (IOException | RuntimeException e) {
            t.close();
            throw new IllegalStateException("cannot set up the interop server", e instanceof IOException io ? new UncheckedIOException(io) : e);
        }
    }

    AppTokens of(Alg alg) {
        return apps.get(alg);
    }

    /**
     * The issuer of an app whose JWKS holds an Ed25519 key only, as an app that signed EdDSA
     * before ES256 became the default (its first key was stored before it ever signed here).
     */
    String edDsaOnlyIssuer() {
        return edDsaOnlyIssuer;
    }

    TestServer server() {
        return server;
    }

    /** A fresh and an expired guest access token of {@code appId}, signed by its active key. */
    private AppTokens issue(Alg alg, String appId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        server.clock.set(now.minus(EXPIRED_AGO));
        String expired = Http.guestLogin(server.baseUrl(), appId).get("access_token").asText();
        server.clock.set(now);
        JsonNode fresh = Http.guestLogin(server.baseUrl(), appId);
        String issuer = server.client("/app/" + appId);
        return new AppTokens(alg, appId, issuer, fresh.get("user_id").asText(), fresh.get("access_token").asText(), expired);
    }

    private String createApp(String admin, String name) {
        return adminPost(admin, "/apps", "{\"name\":\"" + name + "\"}").get("id").asText();
    }

    private JsonNode adminPost(String admin, String path, String body) {
        Http.Reply r = Http.send("POST", server.baseUrl() + "/api/admin/v1" + path, admin, body);
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + r);
        }
        return r.json();
    }

    @Override
    public void close() {
        server.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
