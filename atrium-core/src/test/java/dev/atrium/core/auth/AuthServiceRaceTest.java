package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two first logins with the same credentials at once: the one whose insert loses logs in as the
 * winner's user, without asking the provider again (an ID token's nonce or a custom function's
 * answer is good once, and the credentials were checked already).
 */
class AuthServiceRaceTest {
    final Fixture f = new Fixture();
    final AtomicInteger calls = new AtomicInteger();
    String winner;

    /** A provider that, while it checks, lets another login create the user holding the identity. */
    final class RacedProvider implements AuthProvider {
        @Override
        public String type() {
            return "custom-function";
        }

        @Override
        public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
            calls.incrementAndGet();
            Identity identity = new Identity(type(), "ext-1", Map.of(), now);
            if (winner == null) {
                winner = ObjectIds.next(now);
                User user = new User(winner, app.id(), "normal", false, now, now, Map.of(), List.of(identity));
                f.store.signups().createUserWithSession(user, new Session(ObjectIds.next(now), app.id(), winner, ObjectIds.next(now),
                        "hash-" + winner, now, now.plusSeconds(3600)));
            }
            return Resolution.fresh(identity);
        }
    }

    @Test
    void aLoginThatLosesTheRaceToCreateTheUserLogsInAsTheWinnerAskingTheProviderOnce() {
        f.store.apps().saveProvider(new ProviderConfig(ObjectIds.next(f.now), f.app.id(), "custom-function", true, Map.of()));
        AuthService auth = new AuthService(f.apps, List.of(new RacedProvider()), f.store.users(), f.store.sessions(),
                f.store.signups(), f.store.links(), f.tokens, new GuestAdmission(Telemetry.NONE, f.clock),
                new Throttle(Telemetry.NONE, f.clock), Telemetry.NONE, f.clock);

        LoginResponse r = auth.login(f.app.id(), "custom-function", JsonNodeFactory.instance.objectNode(), null, "203.0.113.7");

        assertThat(r.userId()).isEqualTo(winner);
        assertThat(calls).hasValue(1);
    }
}
