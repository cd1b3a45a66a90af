package dev.atrium.core.events;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which events an operator lists (docs/events.md, Seeing them). Both fields optional (null = any).
 *
 * @param state where the event's delivery is ({@link State})
 * @param type {@code user.created}, {@code user.linked}, {@code user.merged} or {@code user.deleted}
 */
public record EventFilter(State state, String type) {
    public static final EventFilter ANY = new EventFilter(null, null);
    private static final List<String> TYPES = List.of(UserEvent.CREATED, UserEvent.LINKED, UserEvent.MERGED, UserEvent.DELETED);

    /** A delivery's state as operators ask for it. */
    public enum State {
        /** Not finished yet: due, waiting for its retry, or being delivered. */
        PENDING,
        /** Not finished, and at least one attempt failed: waiting for its retry (a subset of pending). */
        FAILED,
        DELIVERED,
        /** Finished without a delivery: the app had no webhook. */
        SKIPPED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The state of its wire name; IllegalArgumentException naming the accepted ones. */
        public static State parse(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "state must be one of " + Arrays.stream(values()).map(State::wire).collect(Collectors.joining(", "))));
        }
    }

    public EventFilter {
        if (type != null && !TYPES.contains(type)) {
            throw new IllegalArgumentException("type must be one of " + String.join(", ", TYPES));
        }
    }

    /** Whether {@code e} is one of these. */
    public boolean matches(UserEvent e) {
        boolean stateOk = state == null || switch (state) {
            case PENDING -> e.outcome() == null;
            case FAILED -> e.outcome() == null && e.attempts() > 0;
            case DELIVERED -> UserEvent.DELIVERED.equals(e.outcome());
            case SKIPPED -> UserEvent.SKIPPED.equals(e.outcome());
        };
        return stateOk && (type == null || type.equals(e.type()));
    }
}
