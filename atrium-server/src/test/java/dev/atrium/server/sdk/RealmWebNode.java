package dev.atrium.server.sdk;

import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.TestServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code node:test} files of {@code sdk-tests/realm-web} (the official {@code realm-web}
 * 2.0.1 npm package under Node) against a running Atrium server and asserts that it passed. Shared
 * by the realm-web SDK tests; the Node process handling is {@link NodeTestRunner}'s. Needs
 * {@code node} (20+) on the PATH and {@code npm ci} done in {@code sdk-tests/realm-web}.
 */
final class RealmWebNode {
    private static final String REALM_WEB_VERSION = "2.0.1";
    /** A hang guard, per test file: Argon2id hashing makes the email/password files slow on a loaded machine. */
    private static final long TIMEOUT_SECONDS_PER_FILE = 120;

    private final NodeTestRunner node;

    private RealmWebNode(NodeTestRunner node) {
        this.node = node;
    }

    /** The SDK test directory; fails (telling to run {@code npm ci}) when realm-web 2.0.1 is not installed there. */
    static RealmWebNode requireInstalled() {
        return new RealmWebNode(NodeTestRunner.requireInstalled("realm-web", "realm-web", REALM_WEB_VERSION));
    }

    /**
     * Runs {@code node --test testFiles…} (each file in its own Node process) with
     * {@code ATRIUM_BASE_URL}, {@code ATRIUM_APP_ID} and {@code extraEnv}, moving the server's clock
     * along with real time meanwhile, and asserts that it finished in time, ran tests and none failed.
     */
    void runPassing(TestServer server, Map<String, String> extraEnv, String... testFiles) throws InterruptedException {
        runPassing(server, server.appId(), extraEnv, testFiles);
    }

    /** The same against app {@code appId} of the server (an imported one, say) rather than its first. */
    void runPassing(TestServer server, String appId, Map<String, String> extraEnv, String... testFiles)
            throws InterruptedException {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("ATRIUM_BASE_URL", server.baseUrl());
        env.put("ATRIUM_APP_ID", appId);
        node.runPassing(server, env, TIMEOUT_SECONDS_PER_FILE * testFiles.length, testFiles);
    }
}
