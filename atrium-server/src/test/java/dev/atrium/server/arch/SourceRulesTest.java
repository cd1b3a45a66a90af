package dev.atrium.server.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the source text that ArchUnit cannot see: comments point inside the repository, the
 * README's layout table names the real modules and packages, and SQL engines differ only in their
 * dialect objects. Reads the working tree from the repository root.
 */
class SourceRulesTest {
    private static final Path ROOT = repositoryRoot();
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".idea", "atrium-data");
    private static final Set<String> TEXT_ENDINGS = Set.of(".java", ".js", ".mjs", ".ts", ".html", ".css", ".sh", ".sql",
            ".md", ".xml", ".properties", ".json");
    private static final Set<String> TEXT_NAMES = Set.of("atrium", "run-tests", "run");

    /**
     * Citations of documents outside the repository: the section numbers of the shared design and
     * client API texts, their file names, and the project's issue numbers. Cite docs/, an RFC, App
     * Services' public documentation or a public URL instead.
     */
    private static final Pattern OUTSIDE_CITATION = Pattern.compile(
            "(?i)\\b(?:spec|design)\\s*\u00a7|shared/(?:spec|design)|client-api-v2\\.md|\\bdesign\\.md"
                    + "|(?<![/\\w-])issues?\\s+#?\\d+");

    @Test
    void commentsAndDocsCiteNothingOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            String rel = ROOT.relativize(file).toString().replace('\\', '/');
            if (rel.matches(".*/src/main/resources/db/.*\\.sql") || file.getFileName().toString().equals("SourceRulesTest.java")) {
                continue; // a shipped migration is never edited: Flyway checksums it, comments included
            }
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OUTSIDE_CITATION.matcher(lines.get(i));
                if (m.find()) {
                    found.add(rel + ":" + (i + 1) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("citations of documents outside the repository (cite docs/, an RFC or a public URL)").isEmpty();
    }

    /**
     * No {@code dialect() ==} in any main code, and no engine constant in the store module outside
     * {@code Dialect} itself. (The bench's {@code BaselineStore} measures each engine's raw cost
     * through plain JDBC, so it keeps an engine switch of its own.)
     */
    @Test
    void storesAskTheDialectForCapabilitiesNeverWhichEngineItIs() {
        Pattern comparison = Pattern.compile("dialect\\(\\)\\s*[!=]=");
        Pattern engine = Pattern.compile("\\bDialect\\.(SQLITE|POSTGRESQL)\\b");
        List<String> found = new ArrayList<>();
        for (Path file : textFiles()) {
            String rel = ROOT.relativize(file).toString().replace('\\', '/');
            if (!rel.endsWith(".java") || !rel.contains("/src/main/")) {
                continue;
            }
            boolean storeModule = rel.startsWith("atrium-store-jdbc/");
            boolean dialectItself = rel.endsWith("/Dialect.java");
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (comparison.matcher(line).find() || storeModule && !dialectItself && engine.matcher(line).find()) {
                    found.add(rel + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(found).as("engine checks outside the dialect objects (add a capability to Dialect)").isEmpty();
    }

    @Test
    void readmeLayoutTableNamesEveryModuleAndItsPackages() {
        Map<String, String> rows = layoutRows();
        assertThat(rows.keySet()).as("modules in the README's layout table").containsExactlyInAnyOrderElementsOf(pomModules());
        Pattern packageName = Pattern.compile("`([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)`");
        rows.forEach((module, text) -> {
            Set<String> named = new TreeSet<>();
            Matcher m = packageName.matcher(text);
            while (m.find()) {
                named.add(m.group(1));
            }
            assertThat(named).as("packages the README names for " + module).isEqualTo(subPackages(module));
        });
    }

    private static Map<String, String> layoutRows() {
        List<String> readme = lines(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Layout");
        assertThat(start).as("README.md has a ## Layout section").isNotNegative();
        Map<String, String> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| `([a-z0-9/-]+)` \\| (.*) \\|$");
        for (String line : readme.subList(start + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher m = row.matcher(line);
            if (m.matches()) {
                rows.put(m.group(1), m.group(2));
            }
        }
        return rows;
    }

    private static List<String> pomModules() {
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(String.join("\n", lines(ROOT.resolve("pom.xml"))));
        List<String> modules = new ArrayList<>();
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** The packages below the module's base package ({@code dev.atrium.<module>}), dotted and relative. */
    private static Set<String> subPackages(String module) {
        Path sources = ROOT.resolve(module).resolve("src/main/java");
        Set<String> packages = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return packages;
        }
        Path base = sources.resolve("dev/atrium").resolve(module.replaceFirst("^atrium-", "").replace('-', '/'));
        if (!Files.isDirectory(base)) { // an example (examples/java-cli): one package, named in the row's text
            return packages;
        }
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(f -> f.toString().endsWith(".java")).map(f -> base.relativize(f.getParent()).toString())
                    .filter(p -> !p.isEmpty()).forEach(p -> packages.add(p.replace('/', '.').replace('\\', '.')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    private static List<Path> textFiles() {
        List<Path> files = new ArrayList<>();
        walk(ROOT, files);
        return files;
    }

    private static void walk(Path dir, List<Path> out) {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p)) {
                    if (!SKIPPED_DIRS.contains(name)) {
                        walk(p, out);
                    }
                } else if (TEXT_NAMES.contains(name) || TEXT_ENDINGS.stream().anyMatch(name::endsWith)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The directory with the parent pom and the README, found upwards from the module's directory. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("atrium-server")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
