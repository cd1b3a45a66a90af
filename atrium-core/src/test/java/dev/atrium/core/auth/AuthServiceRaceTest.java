package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.api.LoginResponse;
import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
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
    final AtomicInteger calls = new AtomicInteger();
    Fixture fixture;
    String winner;

    /** A provider that, while it checks, lets another login create the user holding the identity. */
    final class RacedProvider implements AuthProvider<String> {
        @Override
        public String type() {
            return "raced-once";
        }

        @Override
        public String description() {
            return "A provider whose credentials are good once.";
        }

        @Override
        public ProviderSettings settings() {
            return ProviderSettings.none(type());
        }

        @Override
        public String credentials(RequestFields body) {
            return "ext-1";
        }

        @Override
        public Authenticator<String> authenticator(ProviderContext context) {
            return (app, config, subject, now) -> {
                calls.incrementAndGet();
                Identity identity = new Identity(type(), subject, Map.of(), now);
                if (winner == null) {
                    winner = ObjectIds.next(now);
                    User user = new User(winner, app.id(), dev.atrium.core.users.UserType.NORMAL, false, now, now, Map.of(), List.of(identity));
                    fixture.store.signups().createUserWithSession(user, new Session(ObjectIds.next(now), app.id(), winner,
                            ObjectIds.next(now), "hash-" + winner, now, now.plusSeconds(3600)));
                }
                return Resolution.fresh(identity);
            };
        }
    }

    @Test
    void aLoginThatLosesTheRaceToCreateTheUserLogsInAsTheWinnerAskingTheProviderOnce() {
        fixture = new Fixture(new RacedProvider());

        LoginResponse r = fixture.auth.login(fixture.app.id(), "raced-once", RequestFields.empty(), null, "203.0.113.7");

        assertThat(r.userId()).isEqualTo(winner);
        assertThat(calls).hasValue(1);
    }
}
