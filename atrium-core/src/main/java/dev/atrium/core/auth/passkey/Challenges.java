package dev.atrium.core.auth.passkey;

import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The challenges of ceremonies under way (WebAuthn §13.4.3: random, at least 16 bytes, used once):
 * 32 random bytes, kept by hash in the {@link PasskeyStore} for {@link #LIFETIME}. Taking one
 * removes it whatever follows, so an answer that fails cannot be tried again with the same
 * challenge, and a replayed answer finds nothing.
 */
final class Challenges {
    /** How long a person has to answer the browser's passkey prompt; the options' {@code timeout}. */
    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Expired challenges deleted by each issue, so the table stays as small as the issues of one lifetime. */
    static final int PURGE_BATCH = 100;

    private final PasskeyStore store;

    Challenges(PasskeyStore store) {
        this.store = store;
    }

    /** A new challenge of {@code ceremony} in {@code app} (for {@code userId}'s registration), base64url. */
    String issue(App app, Ceremony ceremony, String userId, Instant now) {
        String challenge = Secrets.random(32);
        store.deleteExpiredChallenges(now, PURGE_BATCH);
        store.insertChallenge(new PasskeyChallenge(Secrets.hash(challenge), app.id(), ceremony, userId, now, now.plus(LIFETIME)));
        return challenge;
    }

    /**
     * Takes {@code challenge} (base64url, as the client data carries it), which must be one of
     * {@code app}'s, for {@code ceremony} and, for a registration, {@code userId}'s; the CHALLENGE
     * refusal otherwise (never saying which, so a caller learns nothing of others' challenges).
     */
    void take(App app, Ceremony ceremony, String userId, String challenge, Instant now) {
        PasskeyChallenge taken = store.takeChallenge(Secrets.hash(challenge), now).orElse(null);
        if (taken == null || !taken.appId().equals(app.id()) || taken.ceremony() != ceremony
                || !Objects.equals(taken.userId(), userId)) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.CHALLENGE);
        }
    }
}
