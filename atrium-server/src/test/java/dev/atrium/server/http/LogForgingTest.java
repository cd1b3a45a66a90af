package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Caller input with CR/LF or other control characters (in the path, or in a JSON value an error
 * message echoes) cannot forge a log line: the "atrium.http" record is one line, the characters
 * escaped, and no record starts with the forged text. Isolated: it opens the JVM-wide "atrium.http"
 * logger to every level, so no other test's server may log into its capture meanwhile.
 */
@Isolated
class LogForgingTest {
    static final String FORGED = "rid=0 200 OK GET /forged";
    @TempDir
    static Path dir;
    static TestServer server;
    static String adminToken;
    static final Logger HTTP_LOG = Logger.getLogger("atrium.http");
    static final List<LogRecord> records = new CopyOnWriteArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void start() throws Exception {
        HTTP_LOG.addHandler(CAPTURE);
        HTTP_LOG.setLevel(Level.ALL);
        server = TestServer.sqlite(dir);
        adminToken = Files.readString(dir.resolve("admin-token")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
        HTTP_LOG.removeHandler(CAPTURE);
        HTTP_LOG.setLevel(null);
    }

    @BeforeEach
    void clear() {
        records.clear();
    }

    record Forgery(String name, String method, String path, String bearer, String body, String escaped) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Forgery> forgeries() {
        String app = "/api/admin/v1/apps/" + server.appId();
        return List.of(
                new Forgery("CR LF in the path", "GET", "/api/client/v2.0/app/x%0d%0a" + FORGED.replace(" ", "%20"), null, null,
                        "\\r\\n" + FORGED),
                new Forgery("LF in a provider name of the path", "POST",
                        "/api/client/v2.0/app/" + server.appId() + "/auth/providers/anon%0a" + FORGED.replace(" ", "%20") + "/login",
                        null, "{}", "\\n" + FORGED),
                new Forgery("LF and ESC in a settings key the error echoes", "PATCH", app + "/settings", adminToken,
                        "{\"bogus\\n" + FORGED + "\\u001b[2J\":1}", "\\n" + FORGED + "\\u001b[2J"),
                new Forgery("CR LF in an app id of the path", "GET", "/api/admin/v1/apps/nope%0d%0a" + FORGED.replace(" ", "%20"),
                        adminToken, null, "\\r\\n" + FORGED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void controlCharactersInCallerInputThenOneEscapedLogRecordAndNoForgedLine(Forgery f) {
        Http.Reply reply = Http.send(f.method(), server.baseUrl() + f.path(), f.bearer(), f.body());

        assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
        List<String> lines = records.stream().map(r -> r.getMessage()).filter(m -> m.contains("forged")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain("\n", "\r", "\u001b").contains(f.escaped());
        assertThat(records).noneMatch(r -> r.getMessage().startsWith(FORGED));
    }
}
