package dev.atrium.core.admin;

import java.time.Instant;
import java.util.List;

/** Aggregates for the stats page: users by kind now, and the outbox's events per hour. */
public interface StatsStore {

    /** Users of the app now. */
    record UserCounts(long total, long anonymous, long linked, long disabled) {}

    /**
     * One hour of the outbox: events of {@code type} with {@code detail} that converted a guest
     * ({@code conversion}: a guest's first link, a merge) or not, counted.
     */
    record HourCount(Instant hour, String type, String detail, boolean conversion, long count) {}

    UserCounts countUsers(String appId);

    /** Events of the app created at or after {@code since}, grouped by hour (UTC), type, detail and conversion; empty when none. */
    List<HourCount> eventsPerHour(String appId, Instant since);
}
