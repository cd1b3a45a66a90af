package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stats page: users by kind now; guest sign-ups, conversions and deletions per hour, and
 * conversions by provider, read from the event outbox (so as far back as {@code event-retention}).
 * A conversion is an event that made a guest a lasting user (docs/events.md, Conversions): a
 * guest's first link, counted under the linked provider, or a merge, counted under the provider of
 * the identity that proved it; so the numbers say which path guests take.
 */
public final class StatsService {
    private final AppDirectory apps;
    private final StatsStore store;
    private final Clock clock;

    /**
     * One hour of activity. {@code conversions} counts links and merges alike, {@code merges} the
     * merges among them; {@code conversionsByProvider} splits {@code conversions} by provider.
     */
    public record Hour(Instant hour, long guestSignups, long conversions, long merges, Map<String, Long> conversionsByProvider,
                       long swept, long deleted) {}

    /** The conversions of one provider over the period: by a link of the guest, or by a merge. */
    public record ProviderConversions(String provider, long linked, long merged) {
        public long total() {
            return linked + merged;
        }
    }

    /** The page; {@code conversions} has the period's providers, most conversions first. */
    public record Stats(StatsStore.UserCounts users, List<Hour> hours, List<ProviderConversions> conversions, long sweptTotal,
                        Instant lastSweptAt) {}

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
        Map<Instant, Tally> byHour = new LinkedHashMap<>();
        for (Instant h = since; !h.isAfter(end); h = h.plus(Duration.ofHours(1))) {
            byHour.put(h, new Tally());
        }
        Map<String, long[]> byProvider = new TreeMap<>();
        long swept = 0;
        Instant lastSwept = null;
        for (StatsStore.HourCount c : store.eventsPerHour(appId, since)) {
            Tally t = byHour.get(c.hour());
            if (t == null) {
                continue;
            }
            t.add(c);
            if (c.conversion()) {
                byProvider.computeIfAbsent(c.detail(), p -> new long[2])[c.type().equals(UserEvent.MERGED) ? 1 : 0] += c.count();
            }
            if (Tally.isSweep(c)) {
                swept += c.count();
                lastSwept = lastSwept == null || c.hour().isAfter(lastSwept) ? c.hour() : lastSwept;
            }
        }
        List<Hour> list = new ArrayList<>();
        byHour.forEach((h, t) -> list.add(t.hour(h)));
        List<ProviderConversions> providers = byProvider.entrySet().stream()
                .map(e -> new ProviderConversions(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(ProviderConversions::total).reversed()).toList();
        return new Stats(store.countUsers(appId), list, providers, swept, lastSwept);
    }

    /** One hour's counts as they are added up. */
    private static final class Tally {
        long signups;
        long conversions;
        long merges;
        long swept;
        long deleted;
        final Map<String, Long> byProvider = new TreeMap<>();

        static boolean isSweep(StatsStore.HourCount c) {
            return c.type().equals(UserEvent.DELETED) && c.detail().equals(DeletionReason.INACTIVITY.wire());
        }

        void add(StatsStore.HourCount c) {
            switch (c.type()) {
                case UserEvent.CREATED -> signups += c.detail().equals(User.ANON_PROVIDER) ? c.count() : 0;
                case UserEvent.MERGED -> merges += c.count();
                case UserEvent.DELETED -> {
                    if (isSweep(c)) {
                        swept += c.count();
                    } else {
                        deleted += c.count();
                    }
                }
                default -> { }
            }
            if (c.conversion()) {
                conversions += c.count();
                byProvider.merge(c.detail(), c.count(), Long::sum);
            }
        }

        Hour hour(Instant at) {
            return new Hour(at, signups, conversions, merges, java.util.Collections.unmodifiableMap(byProvider), swept, deleted);
        }
    }
}
