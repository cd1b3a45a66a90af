package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The CLI as an operator meets it: each command's help lists only what it uses, each with a
 * description; a command pointed at a missing store says so instead of making one; a bad
 * duration names its option; {@code keys list} works on the store like {@code keys rotate}.
 */
class CliSurfaceTest {
    /** Flags only {@code serve} uses. */
    static final List<String> SERVER_ONLY = List.of("--host", "--port", "--public-url", "--argon2-memory-kib", "--sweep-interval",
            "--cache-ttl", "--idle-timeout", "--metrics-access", "--log-format", "--management-port", "--shutdown-grace-period",
            "--otlp-endpoint", "--trusted-proxies", "--outbound-deadline");

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    private Run atrium(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AtriumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<CommandLine> everyCommand(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden() && all.stream().noneMatch(c -> c.getCommandSpec() == sub.getCommandSpec())) {
                all.add(sub);
                all.addAll(everyCommand(sub));
            }
        }
        return all;
    }

    @Test
    void everyOptionAndParameterOfEveryCommandHasADescription() {
        List<String> undescribed = new ArrayList<>();
        for (CommandLine c : everyCommand(AtriumCommand.commandLine())) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.description().length == 0 || o.description()[0].isBlank()) {
                    undescribed.add(c.getCommandSpec().qualifiedName() + " " + o.longestName());
                }
            }
            c.getCommandSpec().positionalParameters().stream()
                    .filter(p -> p.description().length == 0 || p.description()[0].isBlank())
                    .forEach(p -> undescribed.add(c.getCommandSpec().qualifiedName() + " " + p.paramLabel()));
        }

        assertThat(undescribed).isEmpty();
    }

    @Test
    void onlyServeListsTheServerOptions() {
        for (CommandLine c : everyCommand(AtriumCommand.commandLine())) {
            String name = c.getCommandSpec().qualifiedName();
            if (!name.equals("atrium serve") && c.getSubcommands().isEmpty()) {
                assertThat(c.getCommandSpec().optionsMap().keySet()).as(name).doesNotContainAnyElementsOf(SERVER_ONLY);
            }
        }
        assertThat(atrium("serve", "--help").out()).contains(SERVER_ONLY);
        String disable = atrium("providers", "disable", "--help").out();
        assertThat(disable).contains("--app", "--data-dir", "--store", "--url").doesNotContain("--settings", "--argon2", "--port");
        assertThat(disable.lines().filter(l -> l.trim().startsWith("-")).count()).isLessThan(15);
    }

    @Test
    void aStoreCommandOnAMissingDataDirectorySaysSoAndMakesNothing() {
        Path missing = dir.resolve("typo");
        List<String[]> commands = List.of(new String[] {"apps", "list"}, new String[] {"apps", "create", "X"},
                new String[] {"apps", "configure", "--app", "a", "--inactivity", "30d"},
                new String[] {"providers", "enable", "--app", "a", "api-key"}, new String[] {"keys", "list", "--app", "a"},
                new String[] {"keys", "rotate", "--app", "a"}, new String[] {"events", "list"}, new String[] {"sweep"},
                new String[] {"admin-tokens", "create", "--name", "ops"}, new String[] {"keys", "rewrap"},
                new String[] {"keys", "reset-after-lost-master-key"});
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 2);
            args[command.length] = "--data-dir";
            args[command.length + 1] = missing.toString();

            Run r = atrium(args);

            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isEqualTo(AtriumCommand.STORE_ERROR);
            assertThat(r.err()).as(String.join(" ", command)).startsWith("atrium: no store: the data directory " + missing
                    + " does not exist").doesNotContain("\tat ");
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(missing).doesNotExist();
        }
    }

    @Test
    void aStoreCommandOnAMissingSqliteFileSaysSo() {
        Path file = dir.resolve("other.db");

        Run r = atrium("apps", "list", "--data-dir", dir.toString(), "--store", "sqlite:" + file);

        assertThat(r.code()).isEqualTo(AtriumCommand.STORE_ERROR);
        assertThat(r.err()).startsWith("atrium: no store at " + file + ": the file does not exist");
        assertThat(file).doesNotExist();
    }

    @Test
    void migrateMakesTheStoreThatTheOtherCommandsThenUse() {
        assertThat(atrium("migrate", "--data-dir", dir.resolve("new").toString()).code()).isZero();
        assertThat(atrium("apps", "list", "--data-dir", dir.resolve("new").toString()).code()).isZero();
    }

    @Test
    void aBadDurationNamesItsOption() {
        atrium("migrate", "--data-dir", dir.toString());

        Run configure = atrium("apps", "configure", "--app", "a", "--inactivity", "soon", "--data-dir", dir.toString());
        Run settings = atrium("apps", "settings", "--app", "a", "--access-token-lifetime", "1x", "--url", "http://127.0.0.1:1");
        Run sweep = atrium("sweep", "--older-than", "ages", "--data-dir", dir.toString());
        Run pause = atrium("sweep", "--pause", "-5s", "--data-dir", dir.toString());

        assertThat(configure.code()).isEqualTo(AtriumCommand.CONFIG_ERROR);
        assertThat(configure.err()).startsWith("atrium: Invalid value for option '--inactivity': 'soon' is not a duration")
                .contains("see: atrium apps configure --help");
        assertThat(settings.err()).contains("option '--access-token-lifetime': '1x' is not a duration");
        assertThat(sweep.err()).contains("option '--older-than': 'ages' is not a duration");
        assertThat(pause.err()).contains("option '--pause'");
    }

    @Test
    void keysListWorksOnTheStoreWithoutAServer() {
        atrium("migrate", "--data-dir", dir.toString());
        String app = atrium("apps", "create", "Shop", "--data-dir", dir.toString()).out().trim().replace("app id: ", "");
        Run rotated = atrium("keys", "rotate", "--app", app, "--data-dir", dir.toString());

        Run list = atrium("keys", "list", "--app", app, "--data-dir", dir.toString());
        Run unknown = atrium("keys", "list", "--app", "nope", "--data-dir", dir.toString());

        assertThat(list.code()).as(list.err()).isZero();
        String kid = rotated.out().replaceFirst("new signing key (\\S+) .*\\s*", "$1");
        assertThat(list.out().lines().toList()).hasSize(3).first().asString().startsWith("KID").contains("ALG", "STATE");
        assertThat(list.out()).contains(kid + " ").contains("active").contains("retired");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no app with id 'nope'");
        assertThat(Files.exists(dir.resolve("atrium.db"))).isTrue();
    }
}
