package dev.atrium.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code podman} (and the base-image script) with a {@code containers.conf} of the tests' own
 * ({@code CONTAINERS_CONF}): its {@code default_ulimits} is empty, since runc may not raise the
 * open-files limit inside this sandbox, and the machine's own configuration is never changed. A
 * podman that is missing or cannot run a container fails the test, naming what to install.
 */
final class Podman {
    static final String INSTALL = "install Debian's podman, runc and mmdebstrap (apt-get install podman runc mmdebstrap;"
            + " .ci/run does it)";
    private final Path config;

    private Podman(Path config) {
        this.config = config;
    }

    /** A podman with the tests' configuration written under {@code dir}. */
    static Podman withOwnConfig(Path dir) {
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("containers.conf");
            Files.writeString(conf, "# written by the deployment tests (Podman.java)\n[containers]\ndefault_ulimits = []\n");
            return new Podman(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code podman args…}'s output; fails the test with it when the exit status is not 0. */
    String run(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return exec(command, 600);
    }

    /** {@code podman args…}'s exit status, whatever it is. */
    int status(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        return start(command).exit(60);
    }

    /** Any command in this podman's environment (the base-image script); output on success, else fails. */
    String exec(List<String> command, long timeoutSeconds) {
        Result r = start(command).finish(timeoutSeconds);
        if (r.status != 0) {
            fail(String.join(" ", command) + " exited " + r.status + ":\n" + r.output);
        }
        return r.output;
    }

    private Started start(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CONTAINERS_CONF", config.toString());
        try {
            return new Started(String.join(" ", command), pb.start());
        } catch (IOException e) {
            return fail("cannot run " + command.getFirst() + " (" + e.getMessage() + "): " + INSTALL, e);
        }
    }

    private record Result(int status, String output) {}

    private record Started(String command, Process process) {
        Result finish(long timeoutSeconds) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            // Drained on a thread of its own: a chatty build would otherwise block on a full pipe.
            Thread pump = Thread.ofPlatform().daemon().start(() -> {
                try {
                    process.getInputStream().transferTo(out);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            try {
                boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!finished) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                pump.join(TimeUnit.SECONDS.toMillis(10));
                String output;
                synchronized (out) {
                    output = out.toString(StandardCharsets.UTF_8);
                }
                if (!finished) {
                    return fail(command + " did not finish within " + timeoutSeconds + " s:\n" + output);
                }
                return new Result(process.exitValue(), output);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        int exit(long timeoutSeconds) {
            return finish(timeoutSeconds).status;
        }
    }
}
