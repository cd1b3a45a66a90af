package dev.atrium.core.admission;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.RateLimit;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.kernel.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;

/**
 * Throttles where guessing or flooding pays (docs/architecture.md, Abuse), with the app's
 * {@link dev.atrium.core.apps.ThrottleSettings}: failed password logins per account, mails and
 * webhook calls per e-mail address, requests per client network per route family. Token buckets
 * like {@link GuestAdmission}'s, in memory and per node: with N nodes a caller gets up to N times
 * each limit. Each kind has buckets of its own, so a flood of one kind cannot evict another's
 * drained buckets. E-mail addresses are keyed by their SHA-256, so a bucket's size does not
 * depend on what a caller sends, and unknown addresses are counted exactly like known ones: a
 * refusal says nothing about whether an account exists.
 */
public final class Throttle {
    /** Buckets held per kind and node: ~200 bytes each, so each kind stays within ~20 MB whatever the flood. */
    static final int MAX_BUCKETS = 100_000;

    /** The e-mail/password route families counted per client network (logins are counted per provider). */
    public enum Route { REGISTER, TOKEN_DELIVERY, TOKEN_CHECK }

    private final TokenBuckets accounts = new TokenBuckets(MAX_BUCKETS);
    private final TokenBuckets addresses = new TokenBuckets(MAX_BUCKETS);
    private final TokenBuckets networks = new TokenBuckets(MAX_BUCKETS);
    private final Telemetry telemetry;
    private final Clock clock;

    public Throttle(Telemetry telemetry, Clock clock) {
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** Counts a login (or link) with provider {@code providerType} from {@code clientKey}'s network, or throws TooManyRequests. */
    public void login(App app, String providerType, String clientKey) {
        network(app, "login:" + providerType, clientKey);
    }

    /** Counts a request of {@code route} from {@code clientKey}'s network, or throws TooManyRequests. */
    public void route(App app, Route route, String clientKey) {
        network(app, route.name(), clientKey);
    }

    private void network(App app, String family, String clientKey) {
        Duration wait = networks.take(family + "|" + app.id() + "|" + clientKey, app.settings().throttling().network(),
                clock.instant());
        refuseIfWaiting(wait, "network", "too many requests from this network; retry later");
    }

    /**
     * Counts one confirmation or reset message (mail or webhook call) to {@code email}, or throws
     * TooManyRequests; called before looking the account up, so unknown addresses count the same.
     */
    public void message(App app, String email) {
        Duration wait = addresses.take(key(app, email), app.settings().throttling().emails(), clock.instant());
        refuseIfWaiting(wait, "email", "too many messages to this address; retry later");
    }

    /**
     * Reserves one failed login of the account {@code email} (normalised, known or not) before its
     * password is checked, or throws TooManyRequests while the account is locked, whatever the
     * password. Reserving first keeps the bound under concurrent guesses; the caller settles it.
     */
    public PasswordAttempt passwordAttempt(App app, String email) {
        RateLimit limit = app.settings().throttling().loginFailures();
        String key = key(app, email);
        Duration wait = accounts.take(key, limit, clock.instant());
        refuseIfWaiting(wait, "account", "too many failed logins for this account; retry later");
        return new PasswordAttempt(key, limit);
    }

    /** A reserved failed login: it stays counted unless settled otherwise. */
    public final class PasswordAttempt {
        private final String key;
        private final RateLimit limit;

        private PasswordAttempt(String key, RateLimit limit) {
            this.key = key;
            this.limit = limit;
        }

        /**
         * The password was right: the account's count starts over (Keycloak's choice when lockout is
         * temporary), so a user who mistyped a few times is not a step closer to being locked.
         */
        public void succeeded() {
            accounts.reset(key);
        }

        /** No password was checked (the server was busy, the store failed): the reservation is given back. */
        public void abandoned() {
            accounts.giveBack(key, limit, clock.instant());
        }
    }

    private void refuseIfWaiting(Duration wait, String limit, String message) {
        if (!wait.isZero()) {
            telemetry.throttled(limit);
            throw new TooManyRequestsException(message, wait);
        }
    }

    private static String key(App app, String email) {
        return app.id() + "|" + Secrets.hash(email);
    }
}
