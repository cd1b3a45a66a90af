package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.PgSchema;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Control characters and overlong values in the e-mail/password routes' fields are a 400
 * InvalidParameter on every route, on SQLite and on PostgreSQL (which refuses a NUL byte in text:
 * that was a 500), and create nothing.
 */
@Tag("postgres")
class UserpassControlCharactersTest {
    @TempDir
    static Path sqliteDir;
    @TempDir
    static Path pgDir;
    static PgSchema pg;
    static Map<String, TestServer> servers;

    @BeforeAll
    static void start() {
        pg = new PgSchema();
        servers = Map.of("sqlite", TestServer.sqlite(sqliteDir), "postgresql", TestServer.on(pgDir, pg.url, pg.name));
        servers.values().forEach(s -> s.enable("local-userpass", Map.of()));
    }

    @AfterAll
    static void stop() {
        servers.values().forEach(TestServer::close);
        pg.close();
    }

    record Attack(String store, String route, String body, String field) {
        @Override
        public String toString() {
            return store + " " + route + " " + body.replace("\\u", "\\\\u");
        }
    }

    static List<Attack> attacks() {
        String nul = "a\\u0000b@example.com";
        String crlf = "a@example.com\\r\\nX-Injected: 1";
        String esc = "a\\u001b[31m@example.com";
        String del = "a\\u007f@example.com";
        String longEmail = "a".repeat(300) + "@example.com";
        List<Attack> all = new ArrayList<>();
        for (String store : List.of("sqlite", "postgresql")) {
            for (String email : List.of(nul, crlf, esc, del, longEmail)) {
                all.add(new Attack(store, "login", "{\"username\":\"" + email + "\",\"password\":\"secret1\"}", "username"));
                all.add(new Attack(store, "register", "{\"email\":\"" + email + "\",\"password\":\"secret1\"}", "email"));
                all.add(new Attack(store, "confirm/send", "{\"email\":\"" + email + "\"}", "email"));
                all.add(new Attack(store, "reset/send", "{\"email\":\"" + email + "\"}", "email"));
                all.add(new Attack(store, "reset/call", "{\"email\":\"" + email + "\",\"password\":\"secret1\"}", "email"));
            }
            all.add(new Attack(store, "confirm", "{\"token\":\"t\",\"tokenId\":\"\\u0000\"}", "tokenId"));
            all.add(new Attack(store, "confirm", "{\"token\":\"\\u0000\",\"tokenId\":\"x\"}", "token"));
            all.add(new Attack(store, "reset", "{\"token\":\"t\",\"tokenId\":\"a\\nb\",\"password\":\"secret1\"}", "tokenId"));
            all.add(new Attack(store, "reset", "{\"token\":\"t\",\"tokenId\":\"" + "f".repeat(600) + "\",\"password\":\"secret1\"}", "tokenId"));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void controlCharactersOrOverlongValueThenInvalidParameterOnEveryRouteAndStore(Attack attack) {
        TestServer server = servers.get(attack.store());

        Http.Reply reply = Http.send("POST", server.provider("local-userpass", attack.route()), null, attack.body());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.json().get("error_code").asText()).isEqualTo("InvalidParameter");
        assertThat(reply.json().get("error").asText()).startsWith(attack.field() + " ").doesNotContain("\u0000");
    }
}
