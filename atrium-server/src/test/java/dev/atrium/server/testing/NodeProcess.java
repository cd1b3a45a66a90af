package dev.atrium.server.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An Atrium node as operators run it: a separate JVM on the packaged jar
 * ({@code target/atrium-server.jar}, built by {@code package} before failsafe's integration
 * tests), {@code serve} on a free port. Ready once it has printed its banner.
 */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile String baseUrl;
    private volatile String appId;
    private final Thread reader;

    private final Path log;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        reader = new Thread(this::pump, "node-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code atrium serve --port 0 <args>} without waiting for it. */
    public static NodeProcess launch(String... args) {
        return spawn(List.of(), withCommand("serve", args));
    }

    /** The same with JVM options (e.g. the launcher's heap: {@code -XX:+UseSerialGC -Xms16m -Xmx512m}). */
    public static NodeProcess launch(List<String> jvmOptions, String... args) {
        return spawn(jvmOptions, withCommand("serve", args));
    }

    /** Runs {@code atrium <args>} to completion (a CLI call) and returns its output; fails on a non-zero exit. */
    public static String cli(String... args) {
        NodeProcess p = spawn(List.of(), List.of(args));
        try {
            if (!p.process.waitFor(60, TimeUnit.SECONDS) || p.process.exitValue() != 0) {
                throw new AssertionError("atrium " + String.join(" ", args) + " failed:\n" + p.output());
            }
            p.reader.join(5_000); // the reader drains the last lines
            return p.output();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> withCommand(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command, "--port", "0"));
        all.addAll(List.of(args));
        return all;
    }

    private static NodeProcess spawn(List<String> jvmOptions, List<String> args) {
        Path jar = Path.of("target", "atrium-server.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new AssertionError(jar + " is missing: integration tests run after `mvn package` (use mvn verify)");
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(args);
        try {
            // A file, not a pipe: read through a pipe, the last lines a process writes before it exits were seen to go missing.
            Path log = Files.createTempFile("atrium-node-", ".log");
            log.toFile().deleteOnExit();
            return new NodeProcess(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd, e);
        }
    }

    /** Waits until the banner is printed; fails with the node's output if it exits or takes over 60 s. */
    public NodeProcess awaitReady() {
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("node not ready: " + e.getMessage() + "\n" + output(), e);
        }
        return this;
    }

    /** Follows the output file line by line until the process has ended and every byte is read. */
    private void pump() {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(log))) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b == -1) {
                    if (!process.isAlive() && in.available() == 0) {
                        if (line.size() > 0) {
                            take(line.toString(StandardCharsets.UTF_8));
                        }
                        break;
                    }
                    Thread.sleep(10);
                } else if (b == '\n') {
                    take(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        } catch (IOException ignored) {
            // the file is gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void take(String raw) {
        output.add(raw);
        String line = raw.startsWith("{\"") ? message(raw) : raw; // log-format=json logs the banner as records
        if (line.startsWith("app id: ")) {
            appId = line.substring("app id: ".length()).trim();
        } else if (line.startsWith("base URL: ")) {
            baseUrl = line.substring("base URL: ".length()).trim();
            ready.complete(null);
        }
    }

    private static String message(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("message").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for the process to end by itself (a refused start); its exit code, or an AssertionError after {@code seconds}. */
    public int awaitExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("still running after " + seconds + " s:\n" + output());
            }
            reader.join(5_000); // the reader drains the last lines, then sees the end of the stream
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String appId() {
        return appId;
    }

    public String output() {
        return String.join("\n", output);
    }

    /** Sends SIGTERM and returns at once. */
    public void signalTerm() {
        process.destroy();
    }

    /** The process's id. */
    public long pid() {
        return process.pid();
    }

    /** Sends SIGTERM and waits up to {@code patience}; whether the process ended. */
    public boolean terminate(java.time.Duration patience) {
        process.destroy();
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
