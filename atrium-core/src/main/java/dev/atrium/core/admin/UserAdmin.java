package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.util.List;

/** Operators' user management: list, inspect, disable, enable, delete, revoke, bulk delete. */
public final class UserAdmin {
    static final int BULK_BATCH = 500;

    private final AppDirectory apps;
    private final UserStore users;
    private final UserQueryStore queries;
    private final SessionStore sessions;
    private final Telemetry telemetry;
    private final Clock clock;

    /** A page of users; {@code nextCursor} is null on the last page; {@code total} counts every match. */
    public record Page(List<User> users, String nextCursor, long total) {}

    /** A user with its sessions. */
    public record Detail(User user, List<Session> sessions) {}

    public UserAdmin(AppDirectory apps, UserStore users, UserQueryStore queries, SessionStore sessions, Telemetry telemetry,
                     Clock clock) {
        this.apps = apps;
        this.users = users;
        this.queries = queries;
        this.sessions = sessions;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /**
     * A page of the users matching {@code filter} in {@code sort} order, after {@code cursor} (the
     * {@code nextCursor} of the previous page, null for the first), with the number of all matches.
     */
    public Page list(String appId, UserFilter filter, UserSort sort, String cursor, int limit) {
        apps.requireApp(appId);
        if (limit < 1 || limit > 500) {
            throw new AuthException(ErrorCode.InvalidParameter, "limit must be 1..500");
        }
        UserCursor after;
        try {
            after = cursor == null ? null : UserCursor.parse(cursor, sort);
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, e.getMessage());
        }
        List<User> page = queries.list(appId, filter, sort, after, limit + 1);
        boolean more = page.size() > limit;
        List<User> shown = more ? page.subList(0, limit) : page;
        String next = more ? UserCursor.after(shown.get(shown.size() - 1), sort).wire() : null;
        return new Page(List.copyOf(shown), next, queries.count(appId, filter));
    }

    public Detail get(String appId, String userId) {
        return new Detail(user(appId, userId), queries.sessions(appId, userId));
    }

    public Detail setDisabled(String appId, String userId, boolean disabled) {
        user(appId, userId);
        users.setDisabled(appId, userId, disabled);
        return get(appId, userId);
    }

    public void delete(String appId, String userId) {
        apps.requireApp(appId);
        if (!users.delete(appId, userId, DeletionReason.ADMIN, clock.instant())) {
            throw userNotFound(userId);
        }
        telemetry.deleted(DeletionReason.ADMIN.wire(), 1);
    }

    /** Revokes every session of the user; returns how many there were. */
    public int revoke(String appId, String userId) {
        user(appId, userId);
        return sessions.revokeAll(appId, userId);
    }

    /**
     * Deletes every matching user (reason admin), or only counts them. Deleting with an empty
     * filter, every user of the app, without {@link BulkDelete.Mode#DELETE_EVEN_UNFILTERED} is
     * InvalidParameter.
     */
    public long bulkDelete(String appId, BulkDelete request) {
        apps.requireApp(appId);
        UserFilter filter = request.filter();
        if (request.mode() == BulkDelete.Mode.COUNT) {
            return queries.count(appId, filter);
        }
        if (filter.isEmpty() && request.mode() != BulkDelete.Mode.DELETE_EVEN_UNFILTERED) {
            throw new AuthException(ErrorCode.InvalidParameter,
                    "no filter: this would delete every user of the app; set \"all\": true to mean it");
        }
        long deleted = 0;
        List<User> batch;
        do {
            batch = queries.list(appId, filter, UserSort.CREATED, null, BULK_BATCH);
            for (User u : batch) {
                deleted += users.delete(appId, u.id(), DeletionReason.ADMIN, clock.instant()) ? 1 : 0;
            }
        } while (batch.size() == BULK_BATCH);
        telemetry.deleted(DeletionReason.ADMIN.wire(), deleted);
        return deleted;
    }

    private User user(String appId, String userId) {
        apps.requireApp(appId);
        return users.find(appId, userId).orElseThrow(() -> userNotFound(userId));
    }

    private static AuthException userNotFound(String userId) {
        return new AuthException(ErrorCode.UserNotFound, "user not found: " + userId);
    }
}
