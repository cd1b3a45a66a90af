package dev.atrium.deploy;

import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/k8s} against the Kubernetes API's schemas, offline, and {@code compose.yaml}'s
 * wiring: {@code sdk-tests/deploy/manifests.test.mjs} under Node, with a running server on which
 * every probe path must answer 200. Needs {@code node} (20+) and {@code npm ci} in
 * {@code sdk-tests/deploy} (./run-tests does it).
 */
class KubernetesManifestsTest {
    @TempDir
    Path dir;

    @Test
    void manifestsPassTheKubernetesSchemasStrictlyAndProbeRoutesThatExist() throws Exception {
        NodeTestRunner node = NodeTestRunner.requireInstalled("deploy", "kubernetes-models", "4.5.1");
        NodeTestRunner.requirePackage("sdk-tests/deploy", "kubernetes-types", "1.30.0");
        try (TestServer server = TestServer.sqlite(dir)) {
            node.runPassing(server, Map.of("ATRIUM_BASE_URL", server.baseUrl()), 120, "manifests.test.mjs");
        }
    }
}
