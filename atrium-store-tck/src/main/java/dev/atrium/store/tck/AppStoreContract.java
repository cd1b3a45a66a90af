package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.AllowedOrigins;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link AppStore}. */
public abstract class AppStoreContract extends StoreContract {

    private AppStore apps() {
        return store.apps();
    }

    @Test
    void createThenFindReturnsTheAppAsWritten() {
        App app = newApp("Find Me", nextInstant());
        apps().create(app, List.of());

        assertThat(apps().find(app.id())).contains(app);
    }

    @Test
    void findWhenUnknownThenEmpty() {
        createApp();

        assertThat(apps().find("unknown-app00")).isEmpty();
    }

    @Test
    void createThenProvidersReturnsItsProviders() {
        App app = newApp("With Providers", nextInstant());
        ProviderConfig anon = provider(app, "anon-user", true, Map.of());
        ProviderConfig local = provider(app, "local-userpass", false,
                Map.of("resetUrl", "https://example.com/reset", "minLength", 12));
        apps().create(app, List.of(anon, local));

        assertThat(apps().providers(app.id())).containsExactlyInAnyOrder(anon, local);
    }

    @Test
    void createWhenIdExistsThenThrowsIllegalStateAndKeepsTheOriginal() {
        App original = newApp("Original", nextInstant());
        List<ProviderConfig> originalProviders = Apps.defaultProviders(original, original.createdAt());
        apps().create(original, originalProviders);
        App duplicate = new App(original.id(), "Duplicate", nextInstant(), original.settings());

        assertThatThrownBy(() -> apps().create(duplicate,
                List.of(provider(duplicate, "local-userpass", true, Map.of()))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(apps().find(original.id())).contains(original);
        assertThat(apps().providers(original.id())).containsExactlyInAnyOrderElementsOf(originalProviders);
        assertThat(apps().list()).containsExactly(original);
    }

    @Test
    void listWhenNoAppsThenEmpty() {
        assertThat(apps().list()).isEmpty();
    }

    @Test
    void listReturnsAppsOldestFirst() {
        App oldest = newApp("Oldest", T0.minusSeconds(3600));
        App middle = newApp("Middle", T0.minusSeconds(60));
        App newest = newApp("Newest", T0);
        apps().create(middle, List.of());
        apps().create(newest, List.of());
        apps().create(oldest, List.of());

        assertThat(apps().list()).containsExactly(oldest, middle, newest);
    }

    @Test
    void providersWhenUnknownAppThenEmpty() {
        createApp();

        assertThat(apps().providers("unknown-app00")).isEmpty();
    }

    @Test
    void providersWhenAppHasNoneThenEmpty() {
        App app = newApp("No Providers", nextInstant());
        apps().create(app, List.of());

        assertThat(apps().providers(app.id())).isEmpty();
    }

    @Test
    void providersReturnsOnlyThatAppsProviders() {
        App first = createApp();
        App second = createApp();

        assertThat(apps().providers(first.id())).singleElement()
                .satisfies(p -> assertThat(p.appId()).isEqualTo(first.id()));
        assertThat(apps().providers(second.id())).singleElement()
                .satisfies(p -> assertThat(p.appId()).isEqualTo(second.id()));
    }

    @Test
    void saveProviderWhenTypeIsNewThenTrueAndAdded() {
        App app = newApp("Add Provider", nextInstant());
        ProviderConfig anon = provider(app, "anon-user", true, Map.of());
        apps().create(app, List.of(anon));
        ProviderConfig local = provider(app, "local-userpass", true, Map.of("minLength", 8));

        assertThat(apps().saveProvider(local)).isTrue();

        assertThat(apps().providers(app.id())).containsExactlyInAnyOrder(anon, local);
    }

    @Test
    void saveProviderWhenTypeExistsThenTrueAndReplacesIt() {
        App app = newApp("Replace Provider", nextInstant());
        ProviderConfig anon = provider(app, "anon-user", true, Map.of());
        ProviderConfig local = provider(app, "local-userpass", true, Map.of("minLength", 8));
        apps().create(app, List.of(anon, local));
        ProviderConfig changed = new ProviderConfig(local.id(), app.id(), local.type(), false,
                Map.of("minLength", 16, "resetUrl", "https://example.com/reset"));

        assertThat(apps().saveProvider(changed)).isTrue();

        assertThat(apps().providers(app.id())).containsExactlyInAnyOrder(anon, changed);
    }

    @Test
    void saveProviderWhenAppUnknownThenFalseAndNothingWritten() {
        App existing = createApp();
        App ghost = newApp("Ghost", nextInstant());

        assertThat(apps().saveProvider(provider(ghost, "anon-user", true, Map.of()))).isFalse();

        assertThat(apps().providers(ghost.id())).isEmpty();
        assertThat(apps().find(ghost.id())).isEmpty();
        assertThat(apps().list()).containsExactly(existing);
    }

    @Test
    void createFirstAppWhenStoreIsEmptyThenCreatesAndReturnsIt() {
        App candidate = newApp("First", nextInstant());
        List<ProviderConfig> providers = Apps.defaultProviders(candidate, candidate.createdAt());

        App first = apps().createFirstApp(candidate, providers);

        assertThat(first).isEqualTo(candidate);
        assertThat(apps().find(candidate.id())).contains(candidate);
        assertThat(apps().providers(candidate.id())).containsExactlyInAnyOrderElementsOf(providers);
        assertThat(apps().list()).containsExactly(candidate);
    }

    @Test
    void createFirstAppWhenFirstAppExistsThenReturnsItAndWritesNothing() {
        App first = newApp("First", nextInstant());
        apps().createFirstApp(first, Apps.defaultProviders(first, first.createdAt()));
        App late = newApp("Late", nextInstant());

        App result = apps().createFirstApp(late, Apps.defaultProviders(late, late.createdAt()));

        assertThat(result).isEqualTo(first);
        assertThat(apps().find(late.id())).isEmpty();
        assertThat(apps().providers(late.id())).isEmpty();
        assertThat(apps().list()).containsExactly(first);
    }

    @Test
    void createFirstAppConcurrentlyThenExactlyOneAppExistsAndEveryCallerGetsIt() {
        List<App> candidates = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            candidates.add(newApp("Node " + i, nextInstant()));
        }

        List<Outcome<App>> outcomes = concurrently(THREADS, i -> {
            App candidate = candidates.get(i);
            return apps().createFirstApp(candidate, Apps.defaultProviders(candidate, candidate.createdAt()));
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("error of a createFirstApp call").isNull());
        App first = outcomes.get(0).value();
        assertThat(candidates).contains(first);
        assertThat(outcomes).extracting(Outcome::value).containsOnly(first);
        assertThat(apps().list()).containsExactly(first);
        assertThat(apps().providers(first.id())).hasSize(1);
    }

    @Test
    void updateSettingsReplacesThemAndFindReturnsTheNewOnes() {
        App app = createApp();
        dev.atrium.core.apps.AppSettings changed = new dev.atrium.core.apps.AppSettings(java.time.Duration.ofMinutes(5),
                java.time.Duration.ofDays(1), java.time.Duration.ofDays(2), java.time.Duration.ofMinutes(1), 7, 3, 11,
                null, null, AllowedOrigins.ANY,
                new dev.atrium.core.apps.ThrottleSettings(1, 1, 1_000_000, 1_000_000, 7, 9));

        assertThat(store.apps().updateSettings(app.id(), changed)).isTrue();

        assertThat(store.apps().find(app.id()).orElseThrow().settings()).isEqualTo(changed);
    }

    @Test
    void allowedOriginsRoundTripAsAnyNoneOrTheirNormalisedList() {
        App app = createApp();
        for (AllowedOrigins origins : List.of(AllowedOrigins.NONE, AllowedOrigins.ANY,
                AllowedOrigins.parse(List.of("HTTPS://Blog.Example:443", "https://*.example.com:8443", "http://[::1]:5173")))) {
            assertThat(store.apps().updateSettings(app.id(), app.settings().withAllowedOrigins(origins))).isTrue();

            AllowedOrigins read = store.apps().find(app.id()).orElseThrow().settings().allowedOrigins();
            assertThat(read).isEqualTo(origins);
            assertThat(read.entries()).isEqualTo(origins.entries());
        }
        assertThat(store.apps().find(app.id()).orElseThrow().settings().allowedOrigins().entries())
                .containsExactly("https://blog.example", "https://*.example.com:8443", "http://[::1]:5173");
    }

    @Test
    void updateSettingsWhenAppUnknownThenFalse() {
        assertThat(store.apps().updateSettings("unknown-app00", dev.atrium.core.apps.AppSettings.DEFAULTS)).isFalse();
    }
}
