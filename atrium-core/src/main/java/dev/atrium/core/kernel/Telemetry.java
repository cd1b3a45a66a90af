package dev.atrium.core.kernel;

/**
 * What the domain reports for operators' metrics (README, "Admin API, console, metrics"). The server implements it with
 * Micrometer; the domain depends on nothing but this interface, and tests use {@link #NONE}.
 */
public interface Telemetry {

    /** A login attempt with {@code provider}; outcome {@code success} or the refusal's error code. */
    void login(String provider, String outcome);

    /** A refresh; outcome {@code success} or the refusal's error code. */
    void refresh(String outcome);

    /** A guest was created. */
    void guestCreated();

    /** A user linked an identity of {@code provider}. */
    void linked(String provider);

    /** {@code count} users deleted for {@code reason} (logout, inactivity, self, admin). */
    void deleted(String reason, long count);

    /** A guest sign-up was refused by an admission limit ({@code client} or {@code app}). */
    void rateLimited(String scope);

    /** A request was refused by a throttle ({@code account}, {@code email} or {@code network}). */
    void throttled(String limit);

    /** A sweeper run over one app finished, deleting {@code rows} guests. */
    void sweepRun(long rows);

    /** Reports nothing. */
    Telemetry NONE = new Telemetry() {
        @Override
        public void login(String provider, String outcome) {}

        @Override
        public void refresh(String outcome) {}

        @Override
        public void guestCreated() {}

        @Override
        public void linked(String provider) {}

        @Override
        public void deleted(String reason, long count) {}

        @Override
        public void rateLimited(String scope) {}

        @Override
        public void throttled(String limit) {}

        @Override
        public void sweepRun(long rows) {}
    };
}
