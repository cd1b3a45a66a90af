package dev.atrium.core.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.store.memory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AppDirectoryTest {
    final InMemoryStore store = new InMemoryStore();
    final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void providerChangeMadeElsewhereIsInForceOnceTheTtlHasPassed() {
        App app = Apps.newApp("a", t0);
        store.apps().create(app, Apps.defaultProviders(app, t0));
        AppDirectory before = new AppDirectory(store.apps(), Clock.fixed(t0, ZoneOffset.UTC), Duration.ofSeconds(5));
        before.requireEnabledProvider(app.id(), "anon-user");

        store.apps().saveProvider(store.apps().providers(app.id()).get(0).withEnabled(false));

        assertThat(before.requireEnabledProvider(app.id(), "anon-user").enabled()).as("cached within the TTL").isTrue();
        AppDirectory after = new AppDirectory(store.apps(), Clock.offset(Clock.fixed(t0, ZoneOffset.UTC), Duration.ofSeconds(6)),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> after.requireEnabledProvider(app.id(), "anon-user"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AuthProviderNotFound));
    }

    @Test
    void newAppIdsAreSlugPlusFiveCharacters() {
        assertThat(Apps.newApp("My Great Game!", t0).id()).matches("my-great-game-[a-z0-9]{5}");
        assertThat(Apps.newApp("!!!", t0).id()).matches("app-[a-z0-9]{5}");
        assertThatThrownBy(() -> Apps.newApp(" ", t0)).isInstanceOf(IllegalArgumentException.class);
    }
}
