package dev.atrium.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The short fuzzing run of every target, each in a JVM of its own under Jazzer's libFuzzer driver
 * ({@code com.code_intelligence.jazzer.Jazzer}), for {@code atrium.fuzz.seconds} (20 by default;
 * README: a longer run). A finding (an exception out of the target, a hang, running out of memory)
 * makes the driver exit non-zero: the test fails with the crash and the reproducer's path under
 * {@code target/fuzz/<target>/}. The corpus grows there across runs of the same build directory.
 */
class FuzzRunsTest {
    private static final Path OUT = Path.of("target/fuzz").toAbsolutePath();

    @Test
    void clientApiAnswersEveryFuzzedRequestWithinTheErrorContract() throws Exception {
        fuzz(ClientApiFuzzer.class);
    }

    @Test
    void tokenVerificationRefusesEveryFuzzedTokenOnlyWithADocumentedError() throws Exception {
        fuzz(TokenFuzzer.class);
    }

    private static void fuzz(Class<?> target) throws IOException, InterruptedException {
        int seconds = Integer.parseInt(System.getProperty("atrium.fuzz.seconds", "20"));
        Path dir = Files.createDirectories(OUT.resolve(target.getSimpleName()));
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+EnableDynamicAgentLoading", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.getName(),
                // Coverage of Atrium and of the parsers it hands input to guides the mutations. A generous
                // per-input timeout: the first input starts the server; a hang after that still fails (15 s socket timeout).
                "--instrumentation_includes=dev.atrium.**:com.nimbusds.**:com.fasterxml.jackson.**",
                "-max_total_time=" + seconds, "-timeout=120", "-rss_limit_mb=4096",
                "-artifact_prefix=" + dir + "/", "--reproducer_path=" + dir, corpus.toString()));
        Path log = dir.resolve("jazzer.log");
        Files.write(dir.resolve("command.txt"), cmd); // to rerun it by hand, or reproduce a finding
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(seconds + 120L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(target.getSimpleName() + " did not stop after " + seconds + " s; see " + log);
        }
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(target.getSimpleName() + " found something (log " + log + "):\n" + findings(output))
                .isZero();
        assertThat(output).as("the fuzzer ran inputs").containsPattern("Done \\d+ runs");
    }

    /** The part of Jazzer's output that names the finding, without its start-up noise. */
    private static String findings(String output) {
        int at = output.indexOf("== Java Exception");
        if (at < 0) {
            at = output.indexOf("==ERROR");
        }
        return at < 0 ? output.substring(Math.max(0, output.length() - 4_000)) : output.substring(at, Math.min(output.length(), at + 6_000));
    }
}
