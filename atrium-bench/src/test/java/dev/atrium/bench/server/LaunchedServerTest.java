package dev.atrium.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.bench.http.ClientKind;
import dev.atrium.bench.http.HttpConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's own server process: launched on an empty store, restarted on it, both timed. */
class LaunchedServerTest {
    /** Built by atrium-server's package phase, before this module's tests in the reactor. */
    private static final Path JAR = Path.of("../atrium-server/target/atrium-server.jar").toAbsolutePath().normalize();

    @Test
    void restartKeepsTheStoreAndAppAndIsTimedLikeTheFirstStart() throws Exception {
        assertThat(JAR).as("the server jar (mvn package builds it)").exists();
        LaunchedServer first = LaunchedServer.start(JAR, null, 2, List.of("-XX:+UseSerialGC", "-Xmx128m"), false);
        Path dataDir = Path.of(first.storeUrl().substring("sqlite:".length())).getParent();
        long firstPid = first.pid();

        try (LaunchedServer restarted = first.restart()) {
            assertThat(restarted.pid()).isNotEqualTo(firstPid);
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(first.readyMillis()).isPositive();
            assertThat(restarted.readyMillis()).isPositive();
            assertThat(restarted.appId()).as("same store, same first app").isEqualTo(first.appId());
            try (HttpConnection c = ClientKind.RAW.factory(restarted.base()).get()) {
                assertThat(c.send("GET", "/health/ready", null, null).status()).isEqualTo(200);
            }
        }
        assertThat(Files.exists(dataDir)).as("closing removes the data directory").isFalse();
    }

    @Test
    void aServerStartedBesideSharesTheStoreWithItsOwnOptionsAndLeavesTheStoreToTheFirst() throws Exception {
        try (LaunchedServer first = LaunchedServer.start(JAR, null, 2, List.of("-XX:+UseSerialGC", "-Xmx128m"), false)) {
            Path dataDir = Path.of(first.storeUrl().substring("sqlite:".length())).getParent();
            try (LaunchedServer beside = first.startBeside(List.of("--guest-limits", "node"))) {
                assertThat(beside.appId()).as("same store, same first app").isEqualTo(first.appId());
                assertThat(beside.base()).isNotEqualTo(first.base());
                assertThat(Files.readString(dataDir.resolve("server-beside.log"))).contains("base URL: " + beside.base());
            }
            assertThat(Files.exists(dataDir)).as("the beside server leaves the store to the first").isTrue();
            try (HttpConnection c = ClientKind.RAW.factory(first.base()).get()) {
                assertThat(c.send("GET", "/health/ready", null, null).status()).isEqualTo(200);
            }
        }
    }
}
