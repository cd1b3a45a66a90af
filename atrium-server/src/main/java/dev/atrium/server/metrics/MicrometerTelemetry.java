package dev.atrium.server.metrics;

import dev.atrium.core.kernel.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Set;

/**
 * The domain's {@link Telemetry} as Micrometer counters, named for Prometheus
 * ({@code atrium_logins_total{provider,outcome}} and so on). Tag values are bounded: providers (the
 * installed ones) and error codes are closed sets, reasons four words.
 */
public final class MicrometerTelemetry implements Telemetry {
    private final MeterRegistry registry;
    private final Set<String> providers;

    /** {@code providers}: the installed provider types, the only ones that become a tag value. */
    public MicrometerTelemetry(MeterRegistry registry, Collection<String> providers) {
        this.registry = registry;
        this.providers = Set.copyOf(providers);
    }

    @Override
    public void login(String provider, String outcome) {
        registry.counter("atrium.logins", "provider", bounded(provider), "outcome", outcome).increment();
    }

    @Override
    public void refresh(String outcome) {
        registry.counter("atrium.refreshes", "outcome", outcome).increment();
    }

    @Override
    public void guestCreated() {
        registry.counter("atrium.guest.signups").increment(); // not "…created": Prometheus reserves that suffix
    }

    @Override
    public void linked(String provider) {
        registry.counter("atrium.users.linked", "provider", bounded(provider)).increment();
    }

    @Override
    public void deleted(String reason, long count) {
        registry.counter("atrium.users.deleted", "reason", reason).increment(count);
    }

    @Override
    public void rateLimited(String scope) {
        registry.counter("atrium.guest.admission.rejections", "scope", scope).increment();
    }

    @Override
    public void throttled(String limit) {
        registry.counter("atrium.throttled", "limit", limit).increment();
    }

    @Override
    public void sweepRun(long rows) {
        registry.counter("atrium.sweeper.runs").increment();
        registry.counter("atrium.sweeper.rows").increment(rows);
    }

    /** A client may send any provider name; only installed ones become a tag value. */
    private String bounded(String provider) {
        return providers.contains(provider) ? provider : "other";
    }
}
