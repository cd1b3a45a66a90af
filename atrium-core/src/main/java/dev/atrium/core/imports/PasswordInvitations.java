package dev.atrium.core.imports;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.auth.password.UserpassService;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The bulk "send a reset to the imported users" action: every e-mail account of an app without a
 * password (App Services never exports hashes) and without a valid reset token gets one by the
 * app's reset channel, at most {@code perSecond} a second (mail servers and webhook receivers
 * have limits of their own), in the background, one run per app on this node. Each message also
 * counts against its address's throttle, as any reset does. A run stops after
 * {@link #FAILURES_IN_A_ROW} failed deliveries in a row: the mail server is down, not one address.
 * Running it again reaches whoever the last run did not (their tokens expired, or never went).
 */
public final class PasswordInvitations {
    public static final int MAX_PER_SECOND = 1_000;
    static final int FAILURES_IN_A_ROW = 10;
    private static final int PAGE = 500;

    /** Waits between two messages; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pacer {
        void pause(Duration d) throws InterruptedException;
    }

    private final ImportStore store;
    private final UserpassService userpass;
    private final Executor executor;
    private final Pacer pacer;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    public PasswordInvitations(ImportStore store, UserpassService userpass, Executor executor, Pacer pacer, Clock clock) {
        this.store = store;
        this.userpass = userpass;
        this.executor = executor;
        this.pacer = pacer;
        this.clock = clock;
    }

    /**
     * Starts a run for the app, or returns the one running. BadRequest when the app cannot send
     * resets (no e-mail/password provider, or no reset channel); InvalidParameter for a rate outside 1..1000.
     */
    public InvitationStatus start(String appId, int perSecond) {
        if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
            throw new AuthException(ErrorCode.InvalidParameter, "per_second must be 1.." + MAX_PER_SECOND);
        }
        userpass.requireReset(appId);
        Run fresh = new Run(appId, perSecond, clock.instant());
        Run run = runs.compute(appId, (k, old) -> old != null && old.status().state() == InvitationStatus.State.RUNNING
                ? old : fresh);
        if (run == fresh) {
            executor.execute(() -> send(fresh));
        }
        return run.status();
    }

    /** The app's current or last run on this node. */
    public Optional<InvitationStatus> status(String appId) {
        return Optional.ofNullable(runs.get(appId)).map(Run::status);
    }

    /** Stops the app's run at its next message; its status, or empty when there was none. */
    public Optional<InvitationStatus> stop(String appId) {
        Run run = runs.get(appId);
        if (run != null) {
            run.stopping = true;
        }
        return Optional.ofNullable(run).map(Run::status);
    }

    private void send(Run run) {
        Duration gap = Duration.ofNanos(1_000_000_000L / run.perSecond);
        String after = null;
        int failuresInARow = 0;
        try {
            for (List<EmailAccount> page = store.withoutPassword(run.appId, null, PAGE, clock.instant()); !page.isEmpty();
                 page = store.withoutPassword(run.appId, after, PAGE, clock.instant())) {
                for (EmailAccount a : page) {
                    after = a.id();
                    if (run.stopping) {
                        run.finish(InvitationStatus.State.STOPPED, null, clock.instant());
                        return;
                    }
                    try {
                        userpass.sendResetNow(run.appId, a.email());
                        run.sent++;
                        failuresInARow = 0;
                    } catch (TooManyRequestsException throttled) {
                        run.throttled++;
                    } catch (AuthException failed) {
                        run.failed++;
                        run.lastError = a.email() + ": " + failed.getMessage();
                        if (++failuresInARow >= FAILURES_IN_A_ROW) {
                            run.finish(InvitationStatus.State.FAILED, failuresInARow + " deliveries failed in a row, the last "
                                    + run.lastError, clock.instant());
                            return;
                        }
                    }
                    pacer.pause(gap);
                }
            }
            run.finish(InvitationStatus.State.FINISHED, null, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.finish(InvitationStatus.State.STOPPED, "interrupted (the server is stopping)", clock.instant());
        } catch (RuntimeException e) {
            run.finish(InvitationStatus.State.FAILED, e.getMessage(), clock.instant());
        }
    }

    /** One run's counters; written by its sending thread only, read by status calls. */
    private static final class Run {
        final String appId;
        final int perSecond;
        final Instant startedAt;
        volatile boolean stopping;
        volatile long sent;
        volatile long throttled;
        volatile long failed;
        volatile String lastError;
        volatile InvitationStatus.State state = InvitationStatus.State.RUNNING;
        volatile Instant finishedAt;

        Run(String appId, int perSecond, Instant startedAt) {
            this.appId = appId;
            this.perSecond = perSecond;
            this.startedAt = startedAt;
        }

        void finish(InvitationStatus.State end, String error, Instant at) {
            if (error != null) {
                lastError = error;
            }
            finishedAt = at;
            state = end;
        }

        InvitationStatus status() {
            return new InvitationStatus(appId, state, perSecond, sent, throttled, failed, startedAt, finishedAt, lastError);
        }
    }
}
