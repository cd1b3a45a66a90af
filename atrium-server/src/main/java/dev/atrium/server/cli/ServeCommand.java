package dev.atrium.server.cli;

import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.FirstStart;
import dev.atrium.server.app.NativeHeapTrim;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.config.LogFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code atrium serve}: runs the server until SIGTERM or SIGINT, then drains it
 * ({@link Atrium#shutdown}) and exits 0. The signals are handled here rather than by a shutdown
 * hook: a JVM stopped by a signal exits 143 whatever its hooks do, and an orchestrator reads that
 * as a failure. Any other way out (SIGHUP, System.exit) still drains, from a shutdown hook.
 */
@Command(name = "serve", description = "Start the server (SQLite under ./atrium-data by default); SIGTERM drains it.")
final class ServeCommand extends CliCommand {
    private static final System.Logger LOG = System.getLogger("atrium.serve");
    @Mixin
    ConfigOptions options;
    @Mixin
    ServerOptions server;

    @Override
    public void run() {
        AtriumConfig config = options.load(server.flags());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        AtomicReference<String> cause = new AtomicReference<>();
        for (String signal : new String[] {"TERM", "INT"}) { // before the start: a signal during it drains once started
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> {
                cause.compareAndSet(null, "SIG" + s.getName());
                stop.countDown();
            });
        }
        Atrium atrium = Atrium.start(config, Clock.systemUTC());
        long patience = config.operations().shutdown().gracePeriod().plus(config.operations().shutdown().delay()).toMillis() * 2
                + 10_000;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cause.compareAndSet(null, "JVM exit");
            stop.countDown();
            try {
                drained.await(patience, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "atrium-shutdown"));
        banner(config, atrium);
        NativeHeapTrim trim = NativeHeapTrim.start(atrium);
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cause.compareAndSet(null, "interrupted");
        }
        trim.close();
        try {
            atrium.shutdown(cause.get());
        } finally {
            drained.countDown();
        }
    }

    /** What an operator needs first; with JSON logs, log records (so every line of the output is JSON), else text on stdout. */
    private void banner(AtriumConfig config, Atrium atrium) {
        FirstStart.Outcome first = atrium.firstStart();
        List<String> lines = new ArrayList<>();
        lines.add("Atrium is serving (store " + atrium.store().describe() + ")");
        lines.add("app id: " + first.app().id());
        if (atrium.managementPort() >= 0) {
            lines.add("management: " + config.operations().management().host() + ":" + atrium.managementPort()
                    + " (/metrics, /health/live, /health/ready)");
        }
        lines.add("base URL: " + atrium.publicUrl());
        if (first.created()) {
            lines.add("admin token: written to " + first.adminTokenFile() + " (mode 0600)");
        } else if (Files.exists(first.adminTokenFile())) {
            lines.add("admin token: in " + first.adminTokenFile() + " (written on first start)");
        } else {
            lines.add("admin token: written on first start by the node that created the store; lost? "
                    + "atrium admin-tokens create --name NAME makes another");
        }
        lines.add("master key: " + config.effectiveMasterKeyFile() + " (back it up apart from the database)");
        if (config.operations().logs().format() == LogFormat.JSON) {
            lines.forEach(line -> LOG.log(System.Logger.Level.INFO, line));
        } else {
            lines.forEach(out()::println);
            out().flush();
        }
    }
}
