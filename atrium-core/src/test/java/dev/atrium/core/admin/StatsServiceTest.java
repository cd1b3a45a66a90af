package dev.atrium.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.merge.Merge;
import dev.atrium.core.merge.MergeTicket;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversions in the stats: a guest's first link or a merge, by provider; a linked user's later link is none. */
class StatsServiceTest {
    final TestWorld world = new TestWorld();
    final App app = world.app("stats");
    final StatsService stats = new StatsService(world.apps, world.store.stats(), world.clock);

    private Session signUpGuest() {
        User guest = world.guest(app);
        Instant now = world.clock.instant();
        Session s = new Session(ObjectIds.next(now), app.id(), guest.id(), ObjectIds.next(now), "h" + guest.id(), now,
                now.plus(Duration.ofDays(1)));
        world.store.signups().createUserWithSession(guest, s);
        return s;
    }

    private void link(String userId, String provider) {
        world.store.links().addIdentity(app.id(), userId, new Identity(provider, ObjectIds.next(world.clock.instant()),
                Map.of(), world.clock.instant()));
    }

    private void merge(Session guest, String holderId, String provider) {
        Instant now = world.clock.instant();
        MergeTicket t = new MergeTicket(ObjectIds.next(now), app.id(), guest.userId(), holderId, provider, now,
                now.plus(Duration.ofMinutes(5)));
        world.store.merges().insert(t);
        Session holderSession = new Session(ObjectIds.next(now), app.id(), holderId, guest.deviceId(), "m" + t.hash(), now,
                now.plus(Duration.ofDays(1)));
        world.store.merges().merge(new Merge(t, guest.id(), holderSession, MergedGuest.DELETE, now));
    }

    @Test
    void conversionsAreCountedByProviderLinksAndMergesApartAndALaterLinkIsNone() {
        world.clock.advance(Duration.ofMinutes(30));
        Session ada = signUpGuest();
        link(ada.userId(), "local-userpass");
        link(ada.userId(), "api-key");
        link(signUpGuest().userId(), "oauth2-google");
        link(signUpGuest().userId(), "local-userpass");
        merge(signUpGuest(), ada.userId(), "local-userpass");

        StatsService.Stats s = stats.stats(app.id(), 2);

        StatsService.Hour now = s.hours().get(1);
        assertThat(now.guestSignups()).isEqualTo(4);
        assertThat(now.conversions()).isEqualTo(4);
        assertThat(now.merges()).isEqualTo(1);
        assertThat(now.conversionsByProvider()).containsExactly(Map.entry("local-userpass", 3L), Map.entry("oauth2-google", 1L));
        assertThat(now.deleted()).as("the merged guest's deletion").isEqualTo(1);
        assertThat(s.conversions()).containsExactly(new StatsService.ProviderConversions("local-userpass", 2, 1),
                new StatsService.ProviderConversions("oauth2-google", 1, 0));
        assertThat(s.hours().get(0).conversions()).isZero();
    }
}
