package dev.atrium.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The sweeper's duty cycle (docs/performance.md, Logins while the sweeper runs): each batch takes
 * 20 ms on a {@link MutableClock} (the store below advances it), and the pauses it asks for are
 * recorded, not slept.
 */
class SweeperYieldTest {
    static final Duration BATCH_TIME = Duration.ofMillis(20);
    final Instant now = Instant.parse("2026-06-01T00:00:00Z");
    final MutableClock clock = new MutableClock(now);
    final InMemoryStore store = new InMemoryStore();
    final App app = Apps.newApp("test", now.minus(Duration.ofDays(400)));
    final AtomicLong requestsBegun = new AtomicLong();
    final List<Duration> pauses = new ArrayList<>();
    /** The in-memory store's sweep, taking {@link #BATCH_TIME} of the clock per batch. */
    final SweepStore slowBatches = new SweepStore() {
        @Override
        public int deleteInactiveGuests(String appId, Instant cutoff, int limit, Instant at) {
            clock.advance(BATCH_TIME);
            return store.sweeps().deleteInactiveGuests(appId, cutoff, limit, at);
        }

        @Override
        public long countInactiveGuests(String appId, Instant cutoff) {
            return store.sweeps().countInactiveGuests(appId, cutoff);
        }

        @Override
        public List<String> inactiveGuests(String appId, Instant cutoff, int limit) {
            return store.sweeps().inactiveGuests(appId, cutoff, limit);
        }
    };
    final Sweeper sweeper = new Sweeper(store.apps(), slowBatches, Telemetry.NONE, clock, requestsBegun::get);

    SweeperYieldTest() {
        store.apps().create(app, Apps.defaultProviders(app, app.createdAt()));
        for (int i = 0; i < 40; i++) {
            guest(Duration.ofDays(100 + i));
        }
    }

    private void guest(Duration idle) {
        Instant last = now.minus(idle);
        User u = new User(ObjectIds.next(last), app.id(), UserType.NORMAL, false, last, last, Map.of(),
                List.of(new Identity("anon-user", ObjectIds.next(last), Map.of(), last)));
        store.signups().createUserWithSession(u, new Session(ObjectIds.next(last), app.id(), u.id(), ObjectIds.next(last),
                "h" + u.id(), last, last.plus(Duration.ofDays(60))));
    }

    private SweepReport sweep(Duration pause, int yieldFactor, Sweeper.Pause onPause) throws InterruptedException {
        return sweeper.sweep(new SweepRequest(app.id(), null, 10, pause, yieldFactor, SweepRequest.Mode.DELETE), onPause)
                .getFirst();
    }

    @Test
    void whenNoRequestIsServedThenBatchesFollowEachOtherWithoutAPause() throws Exception {
        SweepReport r = sweep(Duration.ZERO, 9, pauses::add);

        assertThat(r.guests()).isEqualTo(40);
        assertThat(pauses).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void whenRequestsAreServedThenThePauseIsTheFactorTimesTheBatchesDuration() throws Exception {
        SweepReport r = sweep(Duration.ZERO, 9, d -> {
            pauses.add(d);
            requestsBegun.addAndGet(3); // requests keep arriving during every pause
        });

        assertThat(r.guests()).isEqualTo(40);
        assertThat(pauses).as("the first batch saw no request; the others did, during the pause before them")
                .containsExactly(Duration.ZERO, Duration.ofMillis(180), Duration.ofMillis(180), Duration.ofMillis(180));
    }

    @Test
    void requestsBegunDuringABatchMakeThePauseAfterItYield() throws Exception {
        requestsBegun.set(5);
        SweepStore store = slowBatches;
        Sweeper s = new Sweeper(this.store.apps(), new SweepStore() {
            int calls;

            @Override
            public int deleteInactiveGuests(String appId, Instant cutoff, int limit, Instant at) {
                if (++calls == 2) {
                    requestsBegun.incrementAndGet(); // one request arrives while the second batch runs
                }
                return store.deleteInactiveGuests(appId, cutoff, limit, at);
            }

            @Override
            public long countInactiveGuests(String appId, Instant cutoff) {
                return store.countInactiveGuests(appId, cutoff);
            }

            @Override
            public List<String> inactiveGuests(String appId, Instant cutoff, int limit) {
                return store.inactiveGuests(appId, cutoff, limit);
            }
        }, Telemetry.NONE, clock, requestsBegun::get);

        s.sweep(new SweepRequest(app.id(), null, 10, Duration.ofMillis(5), 4, SweepRequest.Mode.DELETE), pauses::add);

        assertThat(pauses).containsExactly(Duration.ofMillis(5), Duration.ofMillis(80), Duration.ofMillis(5),
                Duration.ofMillis(5));
    }

    @Test
    void whenTheFixedPauseIsLongerThanTheYieldThenTheFixedPauseHolds() throws Exception {
        sweepWhileServing(Duration.ofMillis(500), 9);

        assertThat(pauses).containsOnly(Duration.ofMillis(500));
    }

    @Test
    void whenTheYieldFactorIsZeroThenOnlyTheFixedPauseApplies() throws Exception {
        sweepWhileServing(Duration.ofMillis(50), 0);

        assertThat(pauses).containsOnly(Duration.ofMillis(50));
    }

    @Test
    void aNegativeYieldFactorIsRefused() {
        assertThatThrownBy(() -> new SweepRequest(app.id(), null, 10, Duration.ZERO, -1, SweepRequest.Mode.DELETE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yield factor");
    }

    /** A sweep during which a request begins in every pause: the node is serving throughout. */
    private void sweepWhileServing(Duration pause, int yieldFactor) throws Exception {
        sweep(pause, yieldFactor, d -> {
            pauses.add(d);
            requestsBegun.incrementAndGet();
        });
    }
}
