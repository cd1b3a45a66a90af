package dev.atrium.server.metrics;

import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.users.User;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The domain's {@link Telemetry} as Micrometer counters, named for Prometheus
 * ({@code atrium_logins_total{provider,outcome}} and so on), each with its HELP text. Tag values are
 * bounded: providers (the installed ones), error codes and deletion reasons are closed sets. Every
 * series the README documents is registered at start, at 0, so a dashboard or an alert on
 * {@code rate()} sees it before the first event; counters are looked up in a map of their own, not
 * the registry.
 */
public final class MicrometerTelemetry implements Telemetry {
    static final List<String> DELETE_REASONS = java.util.Arrays.stream(dev.atrium.core.users.DeletionReason.values())
            .map(dev.atrium.core.users.DeletionReason::wire).toList();
    static final List<String> ADMISSION_SCOPES = List.of("client", "app");
    static final List<String> THROTTLES = List.of("account", "email", "network");

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<String> providers;

    /** {@code providers}: the installed provider types, the only ones that become a tag value. */
    public MicrometerTelemetry(MeterRegistry registry, Collection<String> providers) {
        this.registry = registry;
        this.providers = Set.copyOf(providers);
        providers.forEach(p -> login(p, "success", 0));
        providers.stream().filter(p -> !p.equals(User.ANON_PROVIDER)).forEach(p -> linked(p, 0)); // a guest identity never links
        refresh("success", 0);
        counter(Help.GUEST_SIGNUPS).increment(0);
        DELETE_REASONS.forEach(r -> deleted(r, 0));
        ADMISSION_SCOPES.forEach(s -> counter(Help.ADMISSION_REJECTIONS, "scope", s));
        THROTTLES.forEach(t -> counter(Help.THROTTLED, "limit", t));
        counter(Help.SWEEPER_RUNS);
        counter(Help.SWEEPER_ROWS);
    }

    @Override
    public void login(String provider, String outcome) {
        login(provider, outcome, 1);
    }

    private void login(String provider, String outcome, long n) {
        counter(Help.LOGINS, "provider", bounded(provider), "outcome", outcome).increment(n);
    }

    @Override
    public void refresh(String outcome) {
        refresh(outcome, 1);
    }

    private void refresh(String outcome, long n) {
        counter(Help.REFRESHES, "outcome", outcome).increment(n);
    }

    @Override
    public void guestCreated() {
        counter(Help.GUEST_SIGNUPS).increment(); // not "…created": Prometheus reserves that suffix
    }

    @Override
    public void linked(String provider) {
        linked(provider, 1);
    }

    private void linked(String provider, long n) {
        counter(Help.USERS_LINKED, "provider", bounded(provider)).increment(n);
    }

    @Override
    public void deleted(String reason, long count) {
        counter(Help.USERS_DELETED, "reason", reason).increment(count);
    }

    @Override
    public void rateLimited(String scope) {
        counter(Help.ADMISSION_REJECTIONS, "scope", scope).increment();
    }

    @Override
    public void throttled(String limit) {
        counter(Help.THROTTLED, "limit", limit).increment();
    }

    @Override
    public void sweepRun(long rows) {
        counter(Help.SWEEPER_RUNS).increment();
        counter(Help.SWEEPER_ROWS).increment(rows);
    }

    /** The counter of {@code meter} with these tags (name, value, …), registered with its HELP on first use. */
    private Counter counter(Help meter, String... tags) {
        String key = tags.length == 0 ? meter.meterName() : meter.meterName() + '|' + String.join("|", tags);
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(key, k -> Counter.builder(meter.meterName()).description(meter.help()).tags(tags)
                    .register(registry));
        }
        return c;
    }

    /** A client may send any provider name; only installed ones become a tag value. */
    private String bounded(String provider) {
        return providers.contains(provider) ? provider : "other";
    }
}
