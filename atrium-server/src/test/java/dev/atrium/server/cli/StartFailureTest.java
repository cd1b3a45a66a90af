package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command that opens the store or a port fails loudly when it cannot: a non-zero exit
 * status and one line saying why, never a stack trace, never a half-started server.
 */
class StartFailureTest {
    /** Every command that opens the store (serve binds port 0 here, so only the store can fail it). */
    static final List<List<String>> STORE_COMMANDS = List.of(List.of("serve", "--port", "0"), List.of("migrate"),
            List.of("apps", "list"), List.of("apps", "create", "X"), List.of("apps", "configure", "--app", "a", "--inactivity", "30d"),
            List.of("providers", "disable", "--app", "a", "api-key"), List.of("keys", "rotate", "--app", "a"),
            List.of("keys", "list", "--app", "a"), List.of("keys", "rewrap"), List.of("events", "list"), List.of("sweep"),
            List.of("admin-tokens", "create", "--name", "ops"));

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run atrium(List<String> command, String... more) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AtriumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] args = java.util.stream.Stream.concat(command.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    @Timeout(120)
    void everyStoreCommandOnAFileThatIsNotADatabaseExitsThreeWithOneLine() throws Exception {
        Path bad = dir.resolve("atrium.db");
        Files.writeString(bad, "this is not an SQLite database, whatever its name says ".repeat(20));

        for (List<String> command : STORE_COMMANDS) {
            Run r = atrium(command, "--data-dir", dir.toString());

            assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(AtriumCommand.STORE_ERROR);
            assertThat(r.err()).as(command.toString()).startsWith("atrium: cannot open store sqlite:" + bad)
                    .contains("not a database").doesNotContain("\tat ");
            assertThat(r.err().lines().count()).as(command.toString()).isEqualTo(1);
            assertThat(r.out()).doesNotContain("Atrium is serving");
        }
    }

    @Test
    @Timeout(120)
    void everyStoreCommandOnADatabaseThatRefusesConnectionsExitsThreeWithOneLine() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // free again once closed: nothing listens there
        }
        Files.createDirectories(dir);
        for (List<String> command : STORE_COMMANDS) {
            Run r = atrium(command, "--data-dir", dir.toString(), "--store", "postgresql://atrium@127.0.0.1:" + closed + "/atrium",
                    "--store-connect-timeout", "500ms");

            assertThat(r.code()).as(command + ": " + r.err()).isEqualTo(AtriumCommand.STORE_ERROR);
            assertThat(r.err()).as(command.toString()).startsWith("atrium: cannot open store postgresql://").doesNotContain("\tat ");
            assertThat(r.err().lines().count()).as(command.toString()).isEqualTo(1);
        }
    }

    @Test
    @Timeout(60)
    void serveWithItsManagementPortInUseExitsOneNamingThePortAndLeavesThePublicPortFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = atrium(List.of("serve", "--port", "0", "--management-port", Integer.toString(taken.getLocalPort())),
                    "--data-dir", dir.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("atrium: cannot listen").contains(Integer.toString(taken.getLocalPort()));
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(r.out()).doesNotContain("Atrium is serving");
        }
    }

    @Test
    void aBadOperationsSettingIsAConfigurationErrorNamingTheKey() {
        Run r = atrium(List.of("serve"), "--data-dir", dir.toString(), "--log-format", "xml", "--otlp-endpoint", "collector:4318",
                "--shutdown-grace-period", "forever", "--trace-sample-ratio", "2", "--management-host", "0.0.0.0");

        assertThat(r.code()).isEqualTo(AtriumCommand.CONFIG_ERROR);
        assertThat(r.err()).contains("log-format: 'xml' must be text or json")
                .contains("otlp-endpoint: 'collector:4318' must be an http(s) URL")
                .contains("shutdown-grace-period: 'forever' is not a duration")
                .contains("trace-sample-ratio: '2' must be a number in 0..1")
                .contains("management-host: needs management-port");
        assertThat(dir.resolve("atrium.db")).doesNotExist();
    }
}
