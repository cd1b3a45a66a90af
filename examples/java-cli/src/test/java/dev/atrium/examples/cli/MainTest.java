package dev.atrium.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.config.AtriumConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example program against a real server on SQLite: each run is a new App over the same store file, as a restart is. */
class MainTest {
    @TempDir
    Path dir;
    Atrium atrium;
    String appId;

    @BeforeEach
    void startServer() {
        atrium = Atrium.start(new AtriumConfig("127.0.0.1", 0, null, dir.resolve("server"), "sqlite:" + dir.resolve("atrium.db"),
                4, Duration.ofSeconds(2), null, Duration.ZERO), Clock.systemUTC());
        appId = atrium.firstStart().app().id();
        // E-mail/password with the default automatic confirmation, as a new app would enable it.
        atrium.store().apps().saveProvider(new ProviderConfig(ObjectIds.next(Instant.now()), appId, "local-userpass", true, Map.of()));
    }

    @AfterEach
    void stopServer() {
        atrium.close();
    }

    private String run(int expectedStatus, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = new String[command.length + 4];
        args[0] = "--store";
        args[1] = dir.resolve("device/users.json").toString();
        args[2] = atrium.publicUrl();
        args[3] = appId;
        System.arraycopy(command, 0, args, 4, command.length);
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(expectedStatus);
        return printed;
    }

    private static String guestId(String printed) {
        Matcher m = Pattern.compile("guest ([0-9a-f]{24})").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        return m.group(1);
    }

    @Test
    void guestPersistsAcrossRunsThenLinksAnEmailAndKeepsItsId() {
        String first = run(0);
        String id = guestId(first);
        assertThat(first).contains("new: guest " + id + " [anon-user]", "auth: LoggedIn " + id);

        String second = run(0);
        assertThat(second).contains("stored on this device, no request sent: guest " + id).doesNotContain("auth:");

        String linked = run(0, "link", "ann@example.com", "correct-horse-1");
        assertThat(linked).contains("registered ann@example.com", "auth: TokenRefreshed " + id,
                "linked: user " + id + " [anon-user, local-userpass] ann@example.com");

        assertThat(run(0)).contains("stored on this device, no request sent: user " + id);
        assertThat(run(0, "logout")).contains("auth: LoggedOut " + id, "logged out: " + id + " is now LoggedOut");
    }

    @Test
    void unreachableServerAndBadUsageAreOneLineEach() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(Main.run(new String[] {"--store", dir.resolve("u.json").toString(), "http://127.0.0.1:1", "x"},
                System.out, errors)).isEqualTo(1);
        assertThat(Main.run(new String[] {"http://127.0.0.1:1"}, System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(2)
                .first().asString().startsWith("cannot reach http://127.0.0.1:1");
    }
}
