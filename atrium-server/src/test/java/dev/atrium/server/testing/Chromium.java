package dev.atrium.server.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the browser tests share: Debian's Chromium (which playwright-core drives; it never downloads
 * a browser) and a clean folder for their screenshots.
 */
public final class Chromium {
    private Chromium() {}

    /** {@code ATRIUM_CHROMIUM}, else {@code /usr/bin/chromium}; fails, saying how to install it, when missing. */
    public static Path requireInstalled() {
        Path chromium = Path.of(System.getenv().getOrDefault("ATRIUM_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is not installed: " + chromium + " is missing. Install Debian's package with "
                    + "`apt-get update && apt-get install -y chromium` (./run-tests and .ci/run do it), "
                    + "or point ATRIUM_CHROMIUM at a Chromium binary; then run this test again.");
        }
        return chromium;
    }

    /** {@code target/<name>} (absolute), emptied of an earlier run's screenshots. */
    public static Path freshScreenshotDir(String name) {
        Path dir = Path.of("target", name).toAbsolutePath();
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(Chromium::delete);
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** How many PNGs a run left in {@code dir}. */
    public static long screenshots(Path dir) {
        try (Stream<Path> shots = Files.list(dir)) {
            return shots.filter(p -> p.toString().endsWith(".png")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
