package dev.atrium.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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

    private NodeProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "node-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code atrium serve --port 0 <args>} without waiting for it. */
    public static NodeProcess launch(String... args) {
        return spawn(List.of(), withCommand("serve", args));
    }

    /** Starts {@code atrium serve --port <port> <args>}: a node restarted where its balancer expects it. */
    public static NodeProcess launchOnPort(int port, String... args) {
        List<String> all = new ArrayList<>(List.of("serve", "--port", Integer.toString(port)));
        all.addAll(List.of(args));
        return spawn(List.of(), all);
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
            Thread.sleep(50); // let the reader drain the last lines
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
            return new NodeProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
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

    private void pump() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                output.add(line);
                if (line.startsWith("app id: ")) {
                    appId = line.substring("app id: ".length()).trim();
                } else if (line.startsWith("base URL: ")) {
                    baseUrl = line.substring("base URL: ".length()).trim();
                    ready.complete(null);
                }
            }
        } catch (IOException ignored) {
            // process ended
        }
        try {
            ready.completeExceptionally(new IllegalStateException("exited with " + process.waitFor()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the process to end by itself (a refused start); its exit code, or an AssertionError after {@code seconds}. */
    public int awaitExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("still running after " + seconds + " s:\n" + output());
            }
            Thread.sleep(50); // let the reader drain the last lines
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

    /** Whether the process is still running (it was never restarted: this object owns one process). */
    public boolean alive() {
        return process.isAlive();
    }

    public String output() {
        return String.join("\n", output);
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
