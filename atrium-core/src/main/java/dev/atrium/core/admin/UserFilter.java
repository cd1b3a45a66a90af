package dev.atrium.core.admin;

import java.time.Instant;

/**
 * Which users an operator means (admin list and bulk delete). Every field is optional (null = any).
 *
 * @param kind {@code anonymous} (only an anon-user identity) or {@code linked}
 * @param provider users holding an identity of this provider type
 * @param inactiveSince users whose last activity is before this instant
 * @param search a user id or the start of an e-mail address ({@link UserSearch})
 */
public record UserFilter(String kind, Boolean disabled, String provider, Instant inactiveSince, Instant createdAfter,
                         Instant createdBefore, UserSearch search) {
    public static final UserFilter ALL = new UserFilter(null, null, null, null, null, null, null);

    /** Whether no field is set, i.e. every user of the app matches. */
    public boolean isEmpty() {
        return equals(ALL);
    }

    public UserFilter {
        if (kind != null && !kind.equals("anonymous") && !kind.equals("linked")) {
            throw new IllegalArgumentException("kind must be anonymous or linked");
        }
    }

    /** A filter without a search. */
    public UserFilter(String kind, Boolean disabled, String provider, Instant inactiveSince, Instant createdAfter,
                      Instant createdBefore) {
        this(kind, disabled, provider, inactiveSince, createdAfter, createdBefore, null);
    }

    /** This filter narrowed by {@code s}. */
    public UserFilter withSearch(UserSearch s) {
        return new UserFilter(kind, disabled, provider, inactiveSince, createdAfter, createdBefore, s);
    }
}
