package dev.atrium.core.admin;

import java.time.Instant;

/**
 * Where the next page of a user list starts: after the user {@code id}, which had
 * {@code lastActiveAt} when the list is sorted by activity (keyset pagination: a deep page costs
 * what the first does). Its wire form is opaque to clients: the id alone, or
 * {@code <epoch millis>_<id>} for an activity sort.
 */
public record UserCursor(Instant lastActiveAt, String id) {

    /** The cursor after {@code user} in a list sorted by {@code sort}. */
    public static UserCursor after(dev.atrium.core.users.User user, UserSort sort) {
        return new UserCursor(sort.byActivity() ? user.lastActiveAt() : null, user.id());
    }

    public String wire() {
        return lastActiveAt == null ? id : lastActiveAt.toEpochMilli() + "_" + id;
    }

    /** The cursor of its wire form for {@code sort}; IllegalArgumentException when it is not one such a list gave. */
    public static UserCursor parse(String wire, UserSort sort) {
        if (!sort.byActivity()) {
            if (!dev.atrium.core.kernel.ObjectIds.isValid(wire)) {
                throw new IllegalArgumentException("cursor is not one this list gave");
            }
            return new UserCursor(null, wire);
        }
        int sep = wire.indexOf('_');
        try {
            String id = wire.substring(sep + 1);
            if (sep < 1 || !dev.atrium.core.kernel.ObjectIds.isValid(id)) {
                throw new IllegalArgumentException("cursor is not one this list gave");
            }
            return new UserCursor(Instant.ofEpochMilli(Long.parseLong(wire.substring(0, sep))), id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor is not one this list gave");
        }
    }
}
