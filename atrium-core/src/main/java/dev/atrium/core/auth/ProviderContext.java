package dev.atrium.core.auth;

import com.nimbusds.jose.util.ResourceRetriever;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.kernel.OutboundHttp;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the composition root gives every provider's {@link AuthProvider#authenticator}: the users,
 * the clock, the throttle, the outbound client (and a JWKS fetcher over it for nimbus), and the
 * collaborators a provider owns (its store, the password hashing pool), looked up by their type.
 * A provider never imports server code; a collaborator that is missing fails the start, naming it.
 */
public final class ProviderContext {
    private final UserStore users;
    private final Clock clock;
    private final Throttle throttle;
    private final OutboundHttp http;
    private final ResourceRetriever jwks;
    private final Map<Class<?>, Object> services;

    private ProviderContext(Builder b) {
        this.users = b.users;
        this.clock = b.clock;
        this.throttle = b.throttle;
        this.http = b.http;
        this.jwks = b.jwks;
        this.services = Map.copyOf(b.services);
    }

    public static Builder builder(UserStore users, Clock clock) {
        return new Builder(users, clock);
    }

    public UserStore users() {
        return users;
    }

    public Clock clock() {
        return clock;
    }

    /** The per-account, per-address and per-network throttles (password attempts count here). */
    public Throttle throttle() {
        return present(throttle, "Throttle");
    }

    /** Outbound HTTP under the server's limits. */
    public OutboundHttp http() {
        return present(http, "OutboundHttp");
    }

    /** Fetches a JWKS for nimbus's {@code JWKSourceBuilder} through the outbound client (never URLConnection). */
    public ResourceRetriever jwks() {
        return present(jwks, "JWKS retriever");
    }

    /** The collaborator of {@code type} the composition root added (e.g. a provider's store). */
    public <T> T service(Class<T> type) {
        return type.cast(present(services.get(type), type.getSimpleName()));
    }

    private static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalStateException("the provider context has no " + name + ": the composition root must add it");
        }
        return value;
    }

    /** Builds a context; only what the installed providers use needs to be set. */
    public static final class Builder {
        private final UserStore users;
        private final Clock clock;
        private Throttle throttle;
        private OutboundHttp http;
        private ResourceRetriever jwks;
        private final Map<Class<?>, Object> services = new LinkedHashMap<>();

        private Builder(UserStore users, Clock clock) {
            this.users = Objects.requireNonNull(users, "users");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        public Builder throttle(Throttle value) {
            this.throttle = value;
            return this;
        }

        public Builder http(OutboundHttp value) {
            this.http = value;
            return this;
        }

        public Builder jwks(ResourceRetriever value) {
            this.jwks = value;
            return this;
        }

        public <T> Builder service(Class<T> type, T value) {
            services.put(type, Objects.requireNonNull(value, type.getSimpleName()));
            return this;
        }

        public ProviderContext build() {
            return new ProviderContext(this);
        }
    }
}
