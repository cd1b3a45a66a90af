package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stats page: users by kind now; guest sign-ups, conversions (links of a guest) and deletions
 * per hour, read from the event outbox (so as far back as {@code event-retention}).
 */
public final class StatsService {
    private final AppDirectory apps;
    private final StatsStore store;
    private final Clock clock;

    /** One hour of activity. */
    public record Hour(Instant hour, long guestSignups, long conversions, long swept, long deleted) {}

    /** The page. */
    public record Stats(StatsStore.UserCounts users, List<Hour> hours, long sweptTotal, Instant lastSweptAt) {}

    public StatsService(AppDirectory apps, StatsStore store, Clock clock) {
        this.apps = apps;
        this.store = store;
        this.clock = clock;
    }

    public Stats stats(String appId, int hours) {
        apps.requireApp(appId);
        if (hours < 1 || hours > 720) {
            throw new AuthException(ErrorCode.InvalidParameter, "hours must be 1..720");
        }
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant since = end.minus(Duration.ofHours(hours - 1L));
        Map<Instant, long[]> byHour = new LinkedHashMap<>();
        for (Instant h = since; !h.isAfter(end); h = h.plus(Duration.ofHours(1))) {
            byHour.put(h, new long[4]);
        }
        long swept = 0;
        Instant lastSwept = null;
        for (StatsStore.HourCount c : store.eventsPerHour(appId, since)) {
            long[] row = byHour.get(c.hour());
            if (row == null) {
                continue;
            }
            switch (c.type()) {
                case UserEvent.CREATED -> row[0] += c.detail().equals(User.ANON_PROVIDER) ? c.count() : 0;
                case UserEvent.LINKED -> row[1] += c.count();
                case UserEvent.DELETED -> {
                    row[c.detail().equals("inactivity") ? 2 : 3] += c.count();
                    if (c.detail().equals("inactivity")) {
                        swept += c.count();
                        lastSwept = lastSwept == null || c.hour().isAfter(lastSwept) ? c.hour() : lastSwept;
                    }
                }
                default -> { }
            }
        }
        List<Hour> list = new ArrayList<>();
        byHour.forEach((h, r) -> list.add(new Hour(h, r[0], r[1], r[2], r[3])));
        return new Stats(store.countUsers(appId), list, swept, lastSwept);
    }
}
