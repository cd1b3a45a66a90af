package dev.atrium.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inactivity rule (docs/architecture.md, Inactive guests are swept) with a fixed clock: 90 days + 1 minute goes, 89 days stays. */
class SweeperTest {
    final Instant now = Instant.parse("2026-06-01T00:00:00Z");
    final InMemoryStore store = new InMemoryStore();
    final App app = Apps.newApp("test", now.minus(Duration.ofDays(400)));
    final Sweeper sweeper = new Sweeper(store.apps(), store.sweeps(), dev.atrium.core.kernel.Telemetry.NONE,
            Clock.fixed(now, ZoneOffset.UTC));
    final List<Duration> pauses = new ArrayList<>();

    SweeperTest() {
        store.apps().create(app, Apps.defaultProviders(app, app.createdAt()));
    }

    private String user(Duration idle, String... extraProviders) {
        Instant last = now.minus(idle);
        List<Identity> identities = new ArrayList<>(List.of(new Identity("anon-user", ObjectIds.next(last), Map.of(), last)));
        for (String p : extraProviders) {
            identities.add(new Identity(p, ObjectIds.next(last), Map.of(), last));
        }
        User u = new User(ObjectIds.next(last), app.id(), UserType.NORMAL, false, last, last, Map.of(), identities);
        store.signups().createUserWithSession(u, new Session(ObjectIds.next(last), app.id(), u.id(), ObjectIds.next(last),
                "h" + u.id(), last, last.plus(Duration.ofDays(60))));
        return u.id();
    }

    private SweepReport sweep(boolean dryRun, int batch) throws InterruptedException {
        return sweeper.sweep(new SweepRequest(app.id(), null, batch, Duration.ofMillis(10),
                dryRun ? SweepRequest.Mode.DRY_RUN : SweepRequest.Mode.DELETE), pauses::add).get(0);
    }

    private boolean exists(String id) {
        return store.users().find(app.id(), id).isPresent();
    }

    @Test
    void guestInactiveNinetyDaysAndOneMinuteIsSweptEightyNineDaysIsNot() throws Exception {
        String old = user(Duration.ofDays(90).plusMinutes(1));
        String recent = user(Duration.ofDays(89));

        SweepReport r = sweep(false, 100);

        assertThat(r.guests()).isEqualTo(1);
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(store.events().recent(app.id(), 10)).filteredOn(e -> e.type().equals(UserEvent.DELETED))
                .singleElement().satisfies(e -> {
                    assertThat(e.userId()).isEqualTo(old);
                    assertThat(e.detail()).isEqualTo("inactivity");
                });
    }

    @Test
    void linkedUsersAreNeverSweptHoweverOld() throws Exception {
        String linked = user(Duration.ofDays(900), "local-userpass");

        assertThat(sweep(false, 100).guests()).isZero();
        assertThat(exists(linked)).isTrue();
    }

    @Test
    void dryRunCountsAndSamplesButChangesNothing() throws Exception {
        String a = user(Duration.ofDays(91));
        String b = user(Duration.ofDays(95));
        int events = store.events().recent(null, 1000).size();

        SweepReport r = sweep(true, 100);

        assertThat(r.dryRun()).isTrue();
        assertThat(r.guests()).isEqualTo(2);
        assertThat(r.sample()).containsExactly(b, a);
        assertThat(exists(a) && exists(b)).isTrue();
        assertThat(store.events().recent(null, 1000)).hasSize(events);
    }

    @Test
    void aStopRequestedDuringASweepEndsItAfterTheBatchInProgress() throws Exception {
        for (int i = 0; i < 25; i++) {
            user(Duration.ofDays(100 + i));
        }
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();

        SweepReport r = sweeper.sweep(new SweepRequest(app.id(), null, 10, Duration.ofMillis(10), SweepRequest.Mode.DELETE),
                pauses::add, () -> asked.incrementAndGet() > 1).get(0); // asked before the app, then after each batch: stop after one

        assertThat(r.batches()).isEqualTo(1);
        assertThat(r.guests()).as("one whole batch, nothing half").isEqualTo(10);
        assertThat(pauses).isEmpty();
        assertThat(sweep(false, 10).guests()).as("the next sweep takes up the rest").isEqualTo(15);
    }

    @Test
    void bigSweepsGoInBoundedBatchesWithAPauseBetween() throws Exception {
        for (int i = 0; i < 25; i++) {
            user(Duration.ofDays(100 + i));
        }

        SweepReport r = sweep(false, 10);

        assertThat(r.guests()).isEqualTo(25);
        assertThat(r.batches()).isEqualTo(3);
        assertThat(pauses).containsExactly(Duration.ofMillis(10), Duration.ofMillis(10));
    }

    @Test
    void olderThanOverridesTheAppsPeriod() throws Exception {
        String tenDays = user(Duration.ofDays(10));

        SweepReport r = sweeper.sweep(new SweepRequest(app.id(), Duration.ofDays(7), 100, Duration.ZERO,
                SweepRequest.Mode.DELETE), d -> { }).get(0);

        assertThat(r.guests()).isEqualTo(1);
        assertThat(exists(tenDays)).isFalse();
    }
}
