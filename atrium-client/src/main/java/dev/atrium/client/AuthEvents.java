package dev.atrium.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The listeners of one App and the changes on their way to them. {@link UserRegistry} queues each
 * change while it holds its write lock, so every listener's queue is in save order; delivery
 * happens later, outside that lock, each listener draining its own queue on its own executor one
 * change at a time (a serial queue per listener, so two changes never race each other).
 */
final class AuthEvents {
    private static final Logger LOG = Logger.getLogger(AuthEvents.class.getName());

    private final CopyOnWriteArrayList<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Function<String, User> handles;

    AuthEvents(Function<String, User> handles) {
        this.handles = handles;
    }

    void add(Executor executor, AuthStateListener listener) {
        registrations.add(new Registration(executor, listener));
    }

    void remove(AuthStateListener listener) {
        for (Registration r : registrations) {
            if (r.listener == listener) {
                r.removed = true;
                registrations.remove(r);
            }
        }
    }

    /** Queues {@code changes} for every listener; called under the registry's write lock. */
    void queue(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<AuthStateChange> events = new ArrayList<>(changes.size());
        changes.forEach(c -> events.add(new AuthStateChange(c.kind(), handles.apply(c.userId()))));
        for (Registration r : registrations) {
            r.pending.addAll(events);
        }
    }

    /** Starts delivering what is queued; called after the registry's lock is released. */
    void deliver() {
        for (Registration r : registrations) {
            r.schedule();
        }
    }

    /** A change as the registry sees it: a kind and a user id. */
    record Change(AuthStateChange.Kind kind, String userId) {}

    private static final class Registration {
        final Executor executor;
        final AuthStateListener listener;
        final ConcurrentLinkedQueue<AuthStateChange> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        volatile boolean removed;

        Registration(Executor executor, AuthStateListener listener) {
            this.executor = executor;
            this.listener = listener;
        }

        void schedule() {
            if (removed) {
                pending.clear();
                return;
            }
            if (pending.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                draining.set(false); // the executor is shut down (App closed): nobody is listening any more
                pending.clear();
            }
        }

        private void drain() {
            try {
                for (AuthStateChange change; !removed && (change = pending.poll()) != null; ) {
                    try {
                        listener.onAuthStateChange(change);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "auth state listener failed on " + change, e);
                    }
                }
            } finally {
                draining.set(false);
            }
            // A change queued after the loop saw an empty queue but before the flag dropped.
            schedule();
        }
    }
}
