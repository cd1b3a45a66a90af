package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atrium.server.testing.TestServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Runs the command line in-process against a real server on SQLite in a temp dir, capturing its output. */
abstract class AdminCliHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestServer server;
    String token;

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    TestServer start() throws IOException {
        server = TestServer.sqlite(dir);
        token = Files.readString(dir.resolve("admin-token")).strip();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs the command line; whatever it prints, it never shows the admin token. */
    Run atrium(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = AtriumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        Run run = new Run(cl.execute(args), out.toString(), err.toString());
        if (token != null) {
            assertThat(run.out() + run.err()).as("the admin token is never printed").doesNotContain(token);
        }
        return run;
    }

    /** {@code args} against the running server's admin API, token from --token-file. */
    Run api(String... args) {
        return atrium(Stream.concat(Stream.of(args), Stream.of("--url", server.baseUrl(), "--token-file",
                dir.resolve("admin-token").toString())).toArray(String[]::new));
    }

    /** {@code args} on the store directly (no --url). */
    Run store(String... args) {
        return atrium(Stream.concat(Stream.of(args), Stream.of("--data-dir", dir.toString())).toArray(String[]::new));
    }

    List<String> guests(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(server.guestLogin().get("user_id").asText());
        }
        return ids;
    }
}
