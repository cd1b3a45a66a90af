package dev.atrium.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code node:test} files of {@code sdk-tests/realm-web} (the official {@code realm-web}
 * 2.0.1 npm package under Node) against a running Atrium server and asserts that it passed. Shared
 * by the realm-web SDK tests. Needs {@code node} (20+) on the PATH and {@code npm ci} done in
 * {@code sdk-tests/realm-web}.
 */
final class RealmWebNode {
    static final String SDK_DIR = "sdk-tests/realm-web";
    private static final String REALM_WEB_VERSION = "2.0.1";
    /** A hang guard, per test file: Argon2id hashing makes the email/password files slow on a loaded machine. */
    private static final long TIMEOUT_SECONDS_PER_FILE = 120;

    private final Path sdkDir;

    private RealmWebNode(Path sdkDir) {
        this.sdkDir = sdkDir;
    }

    /** The SDK test directory; fails (telling to run {@code npm ci}) when realm-web 2.0.1 is not installed there. */
    static RealmWebNode requireInstalled() throws IOException {
        Path sdkDir = projectRoot().resolve(SDK_DIR);
        Path pkg = sdkDir.resolve("node_modules/realm-web/package.json");
        if (!Files.isRegularFile(pkg)) {
            fail("realm-web is not installed: " + pkg + " is missing. Run `npm ci` in " + SDK_DIR
                    + " (cd " + sdkDir + " && npm ci), then run this test again.");
        }
        String version = new ObjectMapper().readTree(pkg.toFile()).path("version").asText();
        if (!REALM_WEB_VERSION.equals(version)) {
            fail("realm-web " + version + " is installed in " + sdkDir + " but the tests pin " + REALM_WEB_VERSION
                    + ". Run `npm ci` in " + SDK_DIR + ".");
        }
        return new RealmWebNode(sdkDir);
    }

    /**
     * Runs {@code node --test testFiles…} (each file in its own Node process) with
     * {@code ATRIUM_BASE_URL}, {@code ATRIUM_APP_ID} and {@code extraEnv}, moving the server's clock
     * along with real time meanwhile, and asserts that it finished in time, ran tests and none failed.
     */
    void runPassing(TestServer server, Map<String, String> extraEnv, String... testFiles) throws InterruptedException {
        String files = String.join(" ", testFiles);
        long timeoutSeconds = TIMEOUT_SECONDS_PER_FILE * testFiles.length;
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("ATRIUM_BASE_URL", server.baseUrl());
        env.put("ATRIUM_APP_ID", server.appId());
        NodeRun run;
        ScheduledExecutorService wallClock = driveWithWallClock(server);
        try {
            run = run(List.of(testFiles), env, timeoutSeconds);
        } finally {
            wallClock.shutdownNow();
        }
        assertThat(run.timedOut())
                .as("node --test %s did not finish within %d s; output so far:%n%s", files, timeoutSeconds, run.output())
                .isFalse();
        assertThat(run.exitCode())
                .as("node --test %s exit code; full output:%n%s", files, run.output())
                .isZero();
        // Guard against a run that passes because it ran nothing.
        assertThat(run.output())
                .as("node's summary shows tests ran and none failed; full output:%n%s", run.output())
                .containsPattern("(?m)^\\S*\\s*tests [1-9]\\d*\\s*$")
                .containsPattern("(?m)^\\S*\\s*fail 0\\s*$");
    }

    /** The directory holding {@code sdk-tests}, found by walking up from the working directory. */
    private static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sdk-tests"))) {
                return p;
            }
        }
        return fail("no directory containing sdk-tests found above " + start);
    }

    private NodeRun run(List<String> testFiles, Map<String, String> env, long timeoutSeconds) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec", "--test-timeout=60000"));
        command.addAll(testFiles);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(sdkDir.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("NO_COLOR", "1");
        pb.environment().remove("NODE_OPTIONS");

        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return fail("could not start `node` (Node 20+ must be on the PATH): " + e.getMessage(), e);
        }
        StringBuilder output = new StringBuilder();
        Thread pump = Thread.ofPlatform().daemon().name("realm-web-node-output").start(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[node] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        synchronized (output) {
            return new NodeRun(!finished, finished ? process.exitValue() : -1, output.toString());
        }
    }

    /**
     * Moves the test server's hand-driven clock along with real time while Node runs, so tokens
     * issued a second apart differ as they would on a real server (the SDK scenarios sleep, they
     * cannot move the clock).
     */
    private static ScheduledExecutorService driveWithWallClock(TestServer server) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("realm-web-wall-clock").unstarted(r));
        ticker.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            if (now.isAfter(server.clock.instant())) {
                server.clock.set(now);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        return ticker;
    }

    private record NodeRun(boolean timedOut, int exitCode, String output) {
    }
}
