package dev.atrium.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.kernel.Secrets;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zero-config start (docs/architecture.md, Apps): one app and an admin token on first start, reused after. */
class FirstStartTest {
    @TempDir
    Path dir;

    @Test
    void firstStartCreatesOneAppAndAnOwnerOnlyAdminTokenWhoseHashIsStored() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            FirstStart.Outcome first = server.atrium.firstStart();
            Path tokenFile = dir.resolve("admin-token");

            assertThat(first.created()).isTrue();
            assertThat(first.adminTokenFile()).isEqualTo(tokenFile.toAbsolutePath());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            String token = Files.readString(tokenFile).trim();
            assertThat(token).startsWith("atr_");
            assertThat(server.atrium.store().adminTokens().findByHash(Secrets.hash(token))).isPresent();
            assertThat(server.atrium.store().apps().list()).hasSize(1);
        }
    }

    @Test
    void secondStartReusesTheSameAppKeysAndTokens() throws Exception {
        String appId;
        String jwks;
        String refresh;
        String token;
        try (TestServer server = TestServer.sqlite(dir)) {
            appId = server.appId();
            jwks = server.send("GET", server.client("/app/" + appId + "/.well-known/jwks.json"), null, null).body();
            refresh = server.guestLogin().get("refresh_token").asText();
            token = Files.readString(dir.resolve("admin-token"));
        }
        try (TestServer again = TestServer.sqlite(dir)) {
            assertThat(again.atrium.firstStart().created()).isFalse();
            assertThat(again.appId()).isEqualTo(appId);
            assertThat(again.atrium.store().apps().list()).hasSize(1);
            assertThat(again.send("GET", again.client("/app/" + appId + "/.well-known/jwks.json"), null, null).body())
                    .isEqualTo(jwks);
            assertThat(again.send("POST", again.client("/auth/session"), refresh, null).status())
                    .as("a refresh token survives a restart").isEqualTo(201);
            assertThat(Files.readString(dir.resolve("admin-token"))).isEqualTo(token);
        }
    }
}
