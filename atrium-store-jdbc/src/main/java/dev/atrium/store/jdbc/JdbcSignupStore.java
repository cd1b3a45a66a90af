package dev.atrium.store.jdbc;

import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.admission.GuestLimitExceededException;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link SignupStore} over JDBC with group commit: sign-ups are queued to a few writer threads,
 * each of which writes whatever is waiting (up to {@link #MAX_BATCH}) in one transaction
 * ({@link SignupSql}), then completes those requests. A lone sign-up is written at once; under
 * load, one commit carries many (measured on this machine, docs/performance.md: SQLite 4.7k → 23.6k guests/s
 * from 1 to 16 per transaction; PostgreSQL 2.2k → 15.2k). A batch that hits a unique key is
 * replayed one sign-up per transaction, so only the sign-up whose identity is taken fails.
 *
 * <p>SQLite has one writer thread (it has one writer anyway, and JNI calls then never pin a
 * request's carrier); PostgreSQL four (more backends contend for the same cores).
 *
 * <p>Guest limits: where the dialect shares them ({@link Dialect#sharesGuestBuckets}), a batch with
 * guests is written by {@link GuestSignupSql}, which admits them in the same statement; else this
 * process's {@link GuestAdmission} admits each guest before it is queued. A guest whose big bucket
 * this node holds a lease of ({@link GuestLeases}) is admitted from it and written as any sign-up.
 */
final class JdbcSignupStore implements SignupStore, AutoCloseable {
    static final int MAX_BATCH = 64;
    private static final int QUEUE = 4_096;

    private final Database db;
    private final Duration wait;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final List<Thread> writers = new ArrayList<>();
    private final GuestAdmission nodeAdmission;
    private final GuestBucketTrim trim;
    private final GuestLeases leases = new GuestLeases();
    private volatile boolean closed;

    /** A sign-up waiting for a writer; {@code claim} is null when it is not limited. */
    private record Pending(SignupSql.Signup signup, GuestClaim claim, CompletableFuture<Void> done) {}

    /**
     * Put on the queue by {@link #close} to wake an idle writer at once: without it each writer sees
     * the close only when its 100 ms poll times out, and every stop (a server's, a CLI command's, a
     * test's) waits that long. Never written; skipped wherever it is taken.
     */
    private static final Pending WAKE = new Pending(null, null, null);

    JdbcSignupStore(Database db, Duration wait) {
        this.db = db;
        this.wait = wait;
        this.nodeAdmission = db.dialect().sharesGuestBuckets() ? null : new GuestAdmission();
        this.trim = new GuestBucketTrim(db);
        int threads = db.dialect().signupWriters();
        for (int i = 0; i < threads; i++) {
            writers.add(Thread.ofPlatform().daemon().name("atrium-signup-writer-" + i).start(this::run));
        }
    }

    @Override
    public void createUserWithSession(User user, Session session) {
        enqueue(new Pending(new SignupSql.Signup(user, session), null, new CompletableFuture<>()));
    }

    @Override
    public void createGuest(User user, Session session, GuestClaim claim) {
        if (nodeAdmission != null) {
            nodeAdmission.admit(claim);
            createUserWithSession(user, session);
        } else if (leases.spend(claim)) { // a token this node leased from the shared bucket
            createUserWithSession(user, session);
        } else {
            enqueue(new Pending(new SignupSql.Signup(user, session), claim, new CompletableFuture<>()));
        }
    }

    private void enqueue(Pending p) {
        try {
            if (closed || !queue.offer(p, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StoreUnavailableException("sign-up queue full or closed", null);
            }
            if (closed && queue.remove(p)) { // closed while queueing: no writer may be left to take it
                throw new StoreUnavailableException("sign-up queue closed", null);
            }
            p.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while signing up", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(p -> p == WAKE);
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            settle(batch, writeBatch(batch));
        } catch (UniqueViolationException taken) {
            for (Pending p : batch) { // replay one by one: only the taken identity fails
                try {
                    settle(List.of(p), writeBatch(List.of(p)));
                } catch (UniqueViolationException e) {
                    Identity first = p.signup.user().identities().get(0);
                    p.done.completeExceptionally(new IdentityTakenException(first.providerType(), first.subject()));
                } catch (RuntimeException e) {
                    p.done.completeExceptionally(e);
                }
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done.completeExceptionally(e));
        }
    }

    /** Completes each of {@code batch}: refused by a guest limit, or written. */
    private static void settle(List<Pending> batch, Map<Integer, GuestLimitExceededException> refused) {
        for (int i = 0; i < batch.size(); i++) {
            GuestLimitExceededException no = refused.get(i);
            if (no == null) {
                batch.get(i).done.complete(null);
            } else {
                batch.get(i).done.completeExceptionally(no);
            }
        }
    }

    /** Writes {@code batch} (its guests only if admitted) in one transaction; the refusals by position. */
    private Map<Integer, GuestLimitExceededException> writeBatch(List<Pending> batch) {
        if (batch.stream().anyMatch(p -> p.claim != null)) {
            Map<Integer, GuestLimitExceededException> refused = db.autocommit(c -> GuestSignupSql.insert(c, db.dialect(),
                    batch.stream().map(p -> new GuestSignupSql.Claimed(p.signup, p.claim)).toList(), leases));
            trim.ifDue(batch.stream().filter(p -> p.claim != null).map(p -> p.claim.at()).max(java.util.Comparator.naturalOrder())
                    .orElseThrow());
            return refused;
        }
        insert(batch.stream().map(Pending::signup).toList());
        return Map.of();
    }

    private void insert(List<SignupSql.Signup> signups) {
        if (db.dialect().dataModifyingCtes()) {
            db.autocommit(c -> {
                SignupSql.insertInOneStatement(c, signups);
                return null;
            });
        } else {
            db.write(c -> {
                SignupSql.insertStatementByStatement(c, signups);
                return null;
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < writers.size(); i++) {
            queue.offer(WAKE); // a full queue needs no waking: its writers are busy and see the close next
        }
        for (Thread t : writers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // What was queued after the writers left is refused, never left waiting: its caller gets the
        // store's documented unavailability, and nothing of it was written.
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            if (left != WAKE) {
                left.done.completeExceptionally(new StoreUnavailableException("sign-up queue closed", null));
            }
        }
    }
}
