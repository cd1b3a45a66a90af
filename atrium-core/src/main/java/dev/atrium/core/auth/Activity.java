package dev.atrium.core.auth;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;

/**
 * Moves {@code last_active_at} on login, refresh and profile (docs/architecture.md, Inactive guests are swept), at most once per
 * the app's granularity: the check against the loaded user skips the write on nearly every read,
 * and the store's conditional update keeps concurrent requests to one write.
 *
 * <p>The write is also what keeps the sweeper from losing a live guest (SweepRaceTest): a guest
 * old enough to be swept is always due a write (granularity &lt; inactivity), and the write and
 * the sweeper's delete touch the same row, so one of them wins. If the write finds no row, the
 * guest was just deleted, and the request fails instead of answering for a deleted user.
 */
final class Activity {
    private final UserStore users;

    Activity(UserStore users) {
        this.users = users;
    }

    void touch(App app, User user, Instant now) {
        Instant due = now.minus(app.settings().activityGranularity());
        if (user.lastActiveAt() == null || !user.lastActiveAt().isAfter(due)) {
            if (!users.recordActivity(app.id(), user.id(), now, due) && users.find(app.id(), user.id()).isEmpty()) {
                throw new AuthException(ErrorCode.InvalidSession, "invalid session: user not found");
            }
        }
    }
}
