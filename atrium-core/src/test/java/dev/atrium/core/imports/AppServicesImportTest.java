package dev.atrium.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole import on the in-memory store: the app, its providers, its users; a second run; a dry run. */
class AppServicesImportTest {
    @TempDir
    Path dir;
    final TestWorld world = new TestWorld();
    final AppAdmin admin = new AppAdmin(world.store.apps(), ProviderRegistry.installed(), world.apps,
            world.store.signingKeys(), world.keys, world.clock);
    final AppServicesImport importer = new AppServicesImport(world.store.apps(), admin, world.store.imports(), world.clock);
    final List<ImportProblem> problems = new ArrayList<>();

    private ImportReport run(ImportMode mode, Path... users) {
        return importer.run(new ImportRequest(dir.resolve("export"), List.of(users), mode, 2), problems::add);
    }

    private Path users(String name, String... records) {
        return ExportFiles.write(dir.resolve(name), "[\n" + String.join(",\n", records) + "\n]\n");
    }

    private Path standardUsers() {
        return users("users.json",
                ExportFiles.user(ExportFiles.id(1), ExportFiles.emailIdentity(ExportFiles.id(101), "Ann@Example.com")),
                ExportFiles.user(ExportFiles.id(2), ExportFiles.tokenIdentity("ext-bo")),
                ExportFiles.user(ExportFiles.id(3), "[{\"id\": \"" + ExportFiles.id(103) + "\", \"provider_type\": \"anon-user\"}]"));
    }

    private ProviderReport provider(ImportReport r, String type) {
        return r.providers().stream().filter(p -> p.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void importWhenNewThenTheAppKeepsItsClientIdAndOrigins() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);

        ImportReport r = run(ImportMode.WRITE);

        assertThat(r.app()).isEqualTo(ImportReport.AppChange.CREATED);
        assertThat(admin.get(ExportFiles.APP_ID).name()).isEqualTo("shop");
        assertThat(admin.get(ExportFiles.APP_ID).settings().allowedOrigins().entries()).containsExactly("https://shop.example");
        assertThat(problems).isEmpty();
    }

    @Test
    void importEnablesWhatNeedsNothingMoreLeavesTheRestWaitingAndNeverEnablesWhatAppServicesHadDisabled() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);

        ImportReport r = run(ImportMode.WRITE);

        assertThat(r.providers()).extracting(ProviderReport::type, ProviderReport::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("anon-user", ProviderReport.State.ENABLED),
                org.assertj.core.groups.Tuple.tuple("local-userpass", ProviderReport.State.WAITING),
                org.assertj.core.groups.Tuple.tuple("api-key", ProviderReport.State.ENABLED),
                org.assertj.core.groups.Tuple.tuple("custom-token", ProviderReport.State.WAITING),
                org.assertj.core.groups.Tuple.tuple("oauth2-apple", ProviderReport.State.ENABLED),
                org.assertj.core.groups.Tuple.tuple("oauth2-facebook", ProviderReport.State.WAITING));
        assertThat(admin.providers(ExportFiles.APP_ID)).filteredOn(ProviderConfig::enabled).extracting(ProviderConfig::type)
                .containsExactlyInAnyOrder("anon-user", "api-key", "oauth2-apple");
        assertThat(provider(r, "local-userpass").needed()).extracting(n -> n.key()).containsExactly("smtp");
        assertThat(provider(r, "custom-token").needed()).extracting(n -> n.key()).containsExactly("issuer");
        assertThat(provider(r, "custom-token").command()).contains("atrium providers enable --app shop-qwert custom-token")
                .contains("\"jwks_url\":\"https://id.shop.example/jwks.json\"").contains("\"audience\":\"shop-api\"")
                .contains("<the iss your tokens carry>");
        assertThat(provider(r, "oauth2-facebook").needed()).extracting(n -> n.key(), n -> n.secret())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("app_secret", true));
        assertThat(provider(r, "oauth2-facebook").command()).contains("<the value of App Services secret '\\''fbSecret'\\''>");
        assertThat(provider(r, "local-userpass").unmapped()).singleElement().asString().startsWith("resetPasswordSubject");
    }

    @Test
    void importWhenAProviderTypeIsNotInstalledThenItIsSkippedAndTheRestGoesOn() {
        ExportFiles.export(dir.resolve("export"), """
                {"anon-user": {"name": "anon-user", "type": "anon-user", "disabled": false},
                 "oauth2-myspace": {"name": "oauth2-myspace", "type": "oauth2-myspace", "disabled": false}}""");

        ImportReport r = run(ImportMode.WRITE);

        assertThat(provider(r, "oauth2-myspace").state()).isEqualTo(ProviderReport.State.SKIPPED);
        assertThat(provider(r, "oauth2-myspace").detail()).contains("no such provider");
        assertThat(provider(r, "anon-user").state()).isEqualTo(ProviderReport.State.ENABLED);
    }

    @Test
    void importThenUsersKeepTheirIdsIdentitiesInOrderDatesAndFlags() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);

        ImportReport r = run(ImportMode.WRITE, standardUsers());

        assertThat(r.created()).isEqualTo(3);
        User ann = world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(1)).orElseThrow();
        assertThat(ann.identities()).extracting(Identity::providerType, Identity::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("local-userpass", ExportFiles.id(101)));
        assertThat(ann.profileData()).isEqualTo(Map.of("email", "ann@example.com"));
        assertThat(ann.createdAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(ann.lastActiveAt()).isEqualTo(Instant.ofEpochSecond(1710000000));
        assertThat(ann.type()).isEqualTo(UserType.NORMAL);
        assertThat(world.store.userpass().findByEmail(ExportFiles.APP_ID, "ann@example.com").orElseThrow().hasPassword())
                .isFalse();
        assertThat(world.store.users().findByIdentity(ExportFiles.APP_ID, "custom-token", "ext-bo")).map(User::id)
                .contains(ExportFiles.id(2));
        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(3)).orElseThrow().isAnonymous()).isTrue();
    }

    @Test
    void importAgainUpdatesAndChangesNothing() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);
        Path users = standardUsers();
        run(ImportMode.WRITE, users);
        List<User> before = List.of(1, 2, 3).stream()
                .map(n -> world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(n)).orElseThrow()).toList();
        List<ProviderConfig> providersBefore = admin.providers(ExportFiles.APP_ID);

        ImportReport again = run(ImportMode.WRITE, users);

        assertThat(again.app()).isEqualTo(ImportReport.AppChange.UNCHANGED);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(3);
        assertThat(again.providers()).noneMatch(ProviderReport::changed);
        assertThat(List.of(1, 2, 3).stream().map(n -> world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(n))
                .orElseThrow()).toList()).isEqualTo(before);
        assertThat(admin.providers(ExportFiles.APP_ID)).containsExactlyInAnyOrderElementsOf(providersBefore);
    }

    @Test
    void importAgainAfterTheOperatorSetWhatWasMissingKeepsItAndEnablesTheProvider() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);
        run(ImportMode.WRITE);
        admin.configure(ExportFiles.APP_ID, "custom-token", true, Map.of("jwks_url", "https://id.shop.example/jwks.json",
                "audience", "shop-api", "algorithms", List.of("RS256"), "issuer", "https://id.shop.example",
                "metadata", Map.of("email", "email")));

        ImportReport again = run(ImportMode.WRITE);

        assertThat(provider(again, "custom-token").state()).isEqualTo(ProviderReport.State.ENABLED);
        assertThat(provider(again, "custom-token").changed()).isFalse();
        assertThat(provider(again, "custom-token").command()).isNull();
        assertThat(admin.providers(ExportFiles.APP_ID)).filteredOn(p -> p.type().equals("custom-token")).singleElement()
                .satisfies(p -> assertThat(p.config()).containsEntry("issuer", "https://id.shop.example"));
    }

    @Test
    void importInADryRunReportsAsARunWouldAndWritesNothing() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);

        ImportReport dry = run(ImportMode.DRY_RUN, standardUsers());

        assertThat(dry.app()).isEqualTo(ImportReport.AppChange.CREATED);
        assertThat(dry.created()).isEqualTo(3);
        assertThat(provider(dry, "api-key").state()).isEqualTo(ProviderReport.State.ENABLED);
        assertThat(world.store.apps().find(ExportFiles.APP_ID)).isEmpty();
        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(1))).isEmpty();
    }

    @Test
    void importWhenTheStoreGoesAwayMidwayThenTheBatchesBeforeStayWrittenAndTheFailureIsThrown() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);
        ImportStore failingSecond = new ImportStore() { // the in-memory store, unreachable from its second batch on
            int batches;

            @Override
            public List<ImportOutcome> importUsers(String appId, List<ImportedUser> batch, ImportMode mode) {
                if (++batches == 2) {
                    throw new dev.atrium.core.kernel.StoreUnavailableException("store unavailable: gone", null);
                }
                return world.store.imports().importUsers(appId, batch, mode);
            }

            @Override
            public List<EmailAccount> withoutPassword(String appId, String afterId, int limit, Instant now) {
                return world.store.imports().withoutPassword(appId, afterId, limit, now);
            }
        };
        AppServicesImport failing = new AppServicesImport(world.store.apps(), admin, failingSecond, world.clock);

        assertThatThrownBy(() -> failing.run(new ImportRequest(dir.resolve("export"), List.of(standardUsers()),
                ImportMode.WRITE, 2), problems::add)).isInstanceOf(dev.atrium.core.kernel.StoreUnavailableException.class);

        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(1))).isPresent();
        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(2))).isPresent();
        assertThat(world.store.users().find(ExportFiles.APP_ID, ExportFiles.id(3))).isEmpty();
    }

    @Test
    void importWhenTheExportHasNoAppIdThenItFailsBeforeWritingAnything() {
        ExportFiles.write(dir.resolve("export/realm_config.json"), "{\"name\": \"shop\"}");
        ExportFiles.write(dir.resolve("export/auth/providers.json"), ExportFiles.PROVIDERS);

        assertThatThrownBy(() -> run(ImportMode.WRITE, standardUsers())).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("no app id");
        assertThat(world.store.apps().list()).isEmpty();
    }

    @Test
    void importWhenProvidersJsonIsMalformedThenItFailsNamingTheFileAndPosition() {
        ExportFiles.export(dir.resolve("export"), "{\n  \"anon-user\": {\"name\": \"anon-user\",,}\n}\n");

        assertThatThrownBy(() -> run(ImportMode.WRITE)).isInstanceOfSatisfying(ImportFailedException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).endsWith("auth/providers.json");
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.message()).startsWith("malformed JSON");
                }));
        assertThat(world.store.apps().list()).isEmpty();
    }

    @Test
    void importWhenAUsersFileIsMissingThenItFailsBeforeWritingAnything() {
        ExportFiles.export(dir.resolve("export"), ExportFiles.PROVIDERS);

        assertThatThrownBy(() -> run(ImportMode.WRITE, dir.resolve("nope.json"))).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("nope.json: no such file");
        assertThat(world.store.apps().list()).isEmpty();
    }
}
