package dev.atrium.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.atrium.server.testing.NodeTestRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/systemd/atrium.service} passes {@code systemd-analyze verify} without a word (an
 * unknown key or a bad value is only a warning there, so any output fails), its ExecStart pointed
 * at the repository's copy of the entry point it names. Needs Debian's systemd (on the machine;
 * .ci/run installs it otherwise).
 */
class SystemdUnitTest {
    static final Path ROOT = NodeTestRunner.projectRoot();

    @TempDir
    Path dir;

    @Test
    void unitVerifiesCleanly() throws Exception {
        assertThat(verify(unit(u -> u))).isEmpty();
    }

    @Test
    void verifyReportsAMisspelledKeySoTheCheckCanFail() throws Exception {
        assertThat(verify(unit(u -> u.replace("\nUMask=", "\nUMaks=")))).contains("Unknown key 'UMaks'");
    }

    private Path unit(java.util.function.UnaryOperator<String> change) throws IOException {
        String unit = Files.readString(ROOT.resolve("deploy/systemd/atrium.service"));
        assertThat(unit).contains("ExecStart=/opt/atrium/bin/atrium serve");
        Path copy = dir.resolve("atrium.service");
        Files.writeString(copy, change.apply(unit.replace("/opt/atrium/bin/atrium", ROOT.resolve("deploy/container/atrium").toString())));
        return copy;
    }

    /** What {@code systemd-analyze verify} prints; fails if it exits non-zero. */
    private static String verify(Path unit) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("systemd-analyze is missing (" + e.getMessage() + "): apt-get install systemd (.ci/run does it)", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
