package dev.atrium.server.sdk;

import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the official {@code realm-web} 2.0.1 npm package under Node ({@code node --test}) against a
 * real Atrium server on SQLite: the scenarios live in {@code sdk-tests/realm-web/anonymous.test.mjs}.
 * Needs {@code node} (20+) on the PATH and {@code npm ci} done in {@code sdk-tests/realm-web}.
 */
@Tag("external")
class RealmWebSdkTest {
    @TempDir
    Path dir;

    @Test
    void realmWebAnonymousFlowsPassAgainstRunningServer() throws Exception {
        RealmWebNode node = RealmWebNode.requireInstalled();
        try (TestServer server = TestServer.sqlite(dir)) {
            node.runPassing(server, Map.of(), "anonymous.test.mjs");
        }
    }
}
