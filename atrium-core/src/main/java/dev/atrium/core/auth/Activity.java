package dev.atrium.core.auth;

import dev.atrium.core.apps.App;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Instant;

/**
 * Moves {@code last_active_at} on login, refresh and profile (design §1 rule 4), at most once per
 * the app's granularity: the check against the loaded user skips the write on nearly every read,
 * and the store's conditional update keeps concurrent requests to one write.
 */
final class Activity {
    private final UserStore users;

    Activity(UserStore users) {
        this.users = users;
    }

    void touch(App app, User user, Instant now) {
        Instant due = now.minus(app.settings().activityGranularity());
        if (user.lastActiveAt() == null || !user.lastActiveAt().isAfter(due)) {
            users.recordActivity(app.id(), user.id(), now, due);
        }
    }
}
