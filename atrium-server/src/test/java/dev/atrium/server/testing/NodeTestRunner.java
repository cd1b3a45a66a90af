package dev.atrium.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code node --test} files of one folder under {@code sdk-tests/} against a running Atrium
 * server and asserts that they passed: the realm-web SDK tests and the browser tests (the console,
 * the blog-reader example) share it. Needs {@code node} (20+) on the PATH and {@code npm ci} done in
 * that folder; a missing package fails the test with the command that installs it (never a skip).
 */
public final class NodeTestRunner {
    private final Path dir;
    private final String label;

    private NodeTestRunner(Path dir, String label) {
        this.dir = dir;
        this.label = label;
    }

    /**
     * The runner of {@code sdk-tests/<folder>}; fails, telling to run {@code npm ci} there, unless
     * {@code node_modules/<pkg>} is installed at exactly {@code version}.
     */
    public static NodeTestRunner requireInstalled(String folder, String pkg, String version) {
        requirePackage("sdk-tests/" + folder, pkg, version);
        return new NodeTestRunner(projectRoot().resolve("sdk-tests").resolve(folder), folder);
    }

    /**
     * Fails, telling to run {@code npm ci} there, unless {@code <folder>/node_modules/<pkg>} is
     * installed at exactly {@code version}; {@code folder} is relative to the project root.
     */
    public static void requirePackage(String folder, String pkg, String version) {
        Path dir = projectRoot().resolve(folder);
        Path manifest = dir.resolve("node_modules").resolve(pkg).resolve("package.json");
        String install = "Run `npm ci` in " + folder + " (cd " + dir + " && npm ci), then run this test again"
                + " (./run-tests and .ci/run do it).";
        if (!Files.isRegularFile(manifest)) {
            fail(pkg + " is not installed: " + manifest + " is missing. " + install);
        }
        String installed;
        try {
            installed = new ObjectMapper().readTree(manifest.toFile()).path("version").asText();
        } catch (IOException e) {
            fail("cannot read " + manifest + ": " + e.getMessage() + ". " + install, e);
            return;
        }
        if (!version.equals(installed)) {
            fail(pkg + " " + installed + " is installed in " + dir + " but the tests pin " + version + ". " + install);
        }
    }

    /** The folder the tests run in. */
    public Path dir() {
        return dir;
    }

    /**
     * Runs {@code node --test testFiles…} in the folder with {@code env}, moving the server's clock
     * along with real time meanwhile (when {@code server} is not null), and asserts that it finished
     * within {@code timeoutSeconds}, ran tests and none failed; node's output is in every failure.
     */
    public void runPassing(TestServer server, Map<String, String> env, long timeoutSeconds, String... testFiles)
            throws InterruptedException {
        String files = String.join(" ", testFiles);
        Run run;
        ScheduledExecutorService wallClock = server == null ? null : driveWithWallClock(server);
        try {
            run = run(List.of(testFiles), env, timeoutSeconds);
        } finally {
            if (wallClock != null) {
                wallClock.shutdownNow();
            }
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
    public static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("sdk-tests"))) {
                return p;
            }
        }
        return fail("no directory containing sdk-tests found above " + start);
    }

    private Run run(List<String> testFiles, Map<String, String> env, long timeoutSeconds) throws InterruptedException {
        // node applies --test-timeout to each file as a whole too: a file as long as the console's browser run
        // gets the caller's guard, not a fixed minute (on a busy machine it outgrew one).
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec",
                "--test-timeout=" + Math.max(60_000L, timeoutSeconds * 1000)));
        command.addAll(testFiles);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
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
        Thread pump = Thread.ofPlatform().daemon().name(label + "-node-output").start(() -> {
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
            return new Run(!finished, finished ? process.exitValue() : -1, output.toString());
        }
    }

    /**
     * Moves the test server's hand-driven clock along with real time while Node runs, so tokens
     * issued a second apart differ as they would on a real server (Node scenarios sleep, they
     * cannot move the clock).
     */
    private ScheduledExecutorService driveWithWallClock(TestServer server) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name(label + "-wall-clock").unstarted(r));
        ticker.scheduleAtFixedRate(() -> {
            Instant now = Instant.now();
            if (now.isAfter(server.clock.instant())) {
                server.clock.set(now);
            }
        }, 0, 50, TimeUnit.MILLISECONDS);
        return ticker;
    }

    private record Run(boolean timedOut, int exitCode, String output) {
    }
}
