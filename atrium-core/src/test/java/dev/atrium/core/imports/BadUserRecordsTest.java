package dev.atrium.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.testing.TestWorld;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, as a scenario table: each users file holds a good record, then the bad one, then
 * another good one. The bad one is reported with its file, line, column and record number and left
 * out whole; both good ones are imported (after malformed JSON, nothing can be read, so the third is lost too).
 */
class BadUserRecordsTest {
    @TempDir
    Path dir;

    record Case(String name, String bad, String message, long line, long column, long record, long imported) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String GOOD_1 = ExportFiles.user(ExportFiles.id(1), ExportFiles.tokenIdentity("ext-1"));
    static final String GOOD_3 = ExportFiles.user(ExportFiles.id(3), ExportFiles.tokenIdentity("ext-3"));

    static Stream<Case> cases() {
        return Stream.of(
                new Case("malformed JSON", "{\"_id\": \"" + ExportFiles.id(2) + "\", \"identities\": [}",
                        "malformed JSON", 3, 0, 0, 1),
                new Case("an unknown provider type", ExportFiles.user(ExportFiles.id(2),
                        "[{\"id\": \"x\", \"provider_type\": \"oauth2-myspace\"}]"), "unknown provider type \"oauth2-myspace\"",
                        3, 1, 2, 2),
                new Case("an identity a record before it has", ExportFiles.user(ExportFiles.id(2),
                        ExportFiles.tokenIdentity("ext-1")), "identity custom-token/ext-1 appears earlier in the input", 3, 1, 2, 2),
                new Case("a user id a record before it has", ExportFiles.user(ExportFiles.id(1),
                        ExportFiles.tokenIdentity("ext-2")), "appears earlier in the input", 3, 1, 2, 2),
                new Case("an id of the wrong shape", ExportFiles.user("12345", ExportFiles.tokenIdentity("ext-2")),
                        "_id \"12345\" is not a 24-hex ObjectId", 3, 1, 2, 2),
                new Case("an upper-case id", ExportFiles.user("65AB00000000000000000002", ExportFiles.tokenIdentity("ext-2")),
                        "is not a 24-hex ObjectId", 3, 1, 2, 2),
                new Case("a date in milliseconds", ExportFiles.user(ExportFiles.id(2), ExportFiles.tokenIdentity("ext-2"))
                        .replace("1700000000,", "1700000000000,"), "creation_date must be seconds", 3, 1, 2, 2),
                new Case("no identities", ExportFiles.user(ExportFiles.id(2), "[]"), "identities must be a non-empty array",
                        3, 1, 2, 2),
                new Case("an e-mail identity without an address", ExportFiles.user(ExportFiles.id(2),
                        "[{\"id\": \"" + ExportFiles.id(102) + "\", \"provider_type\": \"local-userpass\"}]"),
                        "has no usable e-mail", 3, 1, 2, 2),
                new Case("not an object", "\"just text\"", "not a JSON object", 3, 1, 2, 2),
                new Case("a type that is neither normal nor server", ExportFiles.user(ExportFiles.id(2),
                        ExportFiles.tokenIdentity("ext-2")).replace("\"normal\"", "\"robot\""),
                        "type must be normal or server", 3, 1, 2, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRecordIsReportedWhereItStartsAndLeftOutWhileTheOthersAreImported(Case c) {
        TestWorld world = new TestWorld();
        AppAdmin admin = new AppAdmin(world.store.apps(), ProviderRegistry.installed(), world.apps,
                world.store.signingKeys(), world.keys, world.clock);
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);
        Path file = ExportFiles.write(dir.resolve("users.json"), "[\n" + GOOD_1 + ",\n" + c.bad() + ",\n" + GOOD_3 + "\n]\n");
        List<ImportProblem> problems = new ArrayList<>();

        ImportReport r = new AppServicesImport(world.store.apps(), admin, world.store.imports(), world.clock)
                .run(new ImportRequest(dir.resolve("export"), List.of(file), ImportMode.WRITE, 1000), problems::add);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file.toString());
            assertThat(p.line()).isEqualTo(c.line());
            if (c.column() > 0) {
                assertThat(p.column()).isEqualTo(c.column());
            }
            assertThat(p.record()).isEqualTo(c.record());
            assertThat(p.message()).contains(c.message());
            assertThat(p.toString()).startsWith(file + ":" + c.line() + ":");
        });
        assertThat(r.created()).isEqualTo(c.imported());
        assertThat(r.refused()).as("records read and left out (malformed JSON, at no record, stops the reading instead)")
                .isEqualTo(c.record() == 0 ? 0 : 1);
        assertThat(r.problems()).isEqualTo(1);
        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(1))).isPresent();
        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(2)).map(u -> u.identities().size()))
                .as("the bad record left nothing behind (a user id it repeats keeps the first record's one identity)")
                .satisfiesAnyOf(o -> assertThat(o).isEmpty(), o -> assertThat(o).contains(1));
    }
}
