package dev.atrium.server.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.server.testing.NodeTestRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A provider's wire name is written in its own package and nowhere else in the server's sources:
 * the admin API, the console, metrics and OpenAPI read it from the {@link ProviderRegistry}, so a
 * provider added later needs no edit there. A source check, since the compiler inlines constants
 * and a bytecode rule could not tell a literal from a use of the provider's {@code TYPE}.
 */
class ProviderNamesTest {
    /** The trees that must not name a provider, and the file kinds looked at in each. */
    static final List<String[]> TREES = List.of(new String[] {"atrium-core/src/main/java", ".java"},
            new String[] {"atrium-server/src/main/java", ".java"}, new String[] {"atrium-store-jdbc/src/main/java", ".java"},
            new String[] {"atrium-server/src/main/resources/console", ".js"});
    /**
     * The guest's identity type is the user model's: stores count, filter and sweep guests by it, so
     * {@code User.ANON_PROVIDER} defines it and the anonymous provider uses that constant.
     */
    static final Set<String> ALLOWED = Set.of("atrium-core/src/main/java/dev/atrium/core/users/User.java");

    @Test
    void aProvidersTypeIsWrittenOnlyInItsOwnPackage() {
        Path root = NodeTestRunner.projectRoot();
        List<String> found = new ArrayList<>();
        for (AuthProvider<?> p : ProviderRegistry.installed().all()) {
            String literal = '"' + p.type() + '"';
            String home = p.getClass().getPackageName().replace('.', '/') + "/";
            for (String[] tree : TREES) {
                for (Path file : files(root.resolve(tree[0]), tree[1])) {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (relative.contains("/" + home) || ALLOWED.contains(relative)) {
                        continue;
                    }
                    if (read(file).contains(literal)) {
                        found.add(relative + " names " + literal);
                    }
                }
            }
        }
        assertThat(found).as("read provider types from the registry (ProviderRegistry, GET /api/admin/v1/providers)")
                .isEmpty();
    }

    @Test
    void theScanSeesTheProviderPackagesThemselves() {
        Path userpass = NodeTestRunner.projectRoot()
                .resolve("atrium-core/src/main/java/dev/atrium/core/auth/password/UserpassProvider.java");
        assertThat(read(userpass)).as("the check looks for the literal the way providers write it").contains("\"local-userpass\"");
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
