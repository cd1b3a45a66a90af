package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link SignupStore}. */
public abstract class SignupStoreContract extends StoreContract {

    private SignupStore signups() {
        return store.signups();
    }

    @Test
    void createUserWithSessionThenUserIdentitiesAndSessionAreFound() {
        App app = createApp();
        User user = newUser(app, guestIdentity(), identity("local-userpass", "ada@example.com",
                Map.of("email", "ada@example.com")));
        Session session = newSession(user);

        signups().createUserWithSession(user, session);

        assertThat(store.users().find(app.id(), user.id())).contains(user);
        for (Identity i : user.identities()) {
            assertThat(store.users().findByIdentity(app.id(), i.providerType(), i.subject())).contains(user);
        }
        assertThat(store.sessions().find(session.id())).contains(session);
    }

    @Test
    void createUserWithSessionWhenIdentityIsTakenThenThrowsIdentityTakenAndWritesNothing() {
        App app = createApp();
        Signup holder = signUp(newUser(app, identity("local-userpass", "ada@example.com", Map.of())));
        Identity fresh = guestIdentity();
        User late = newUser(app, fresh, identity("local-userpass", "ada@example.com", Map.of()));
        Session lateSession = newSession(late);

        assertThatThrownBy(() -> signups().createUserWithSession(late, lateSession))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), late.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), fresh.providerType(), fresh.subject())).isEmpty();
        assertThat(store.sessions().find(lateSession.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", "ada@example.com"))
                .contains(holder.user());
        assertThat(store.sessions().find(holder.session().id())).contains(holder.session());
    }

    @Test
    void createUserWithSessionWhenFirstIdentityIsTakenThenThrowsIdentityTakenAndWritesNothing() {
        App app = createApp();
        Signup holder = signUpGuest(app);
        Identity taken = holder.user().identities().get(0);
        User late = newUser(app, identity(taken.providerType(), taken.subject(), Map.of()));
        Session lateSession = newSession(late);

        assertThatThrownBy(() -> signups().createUserWithSession(late, lateSession))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), late.id())).isEmpty();
        assertThat(store.sessions().find(lateSession.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), taken.providerType(), taken.subject()))
                .contains(holder.user());
    }

    @Test
    void createUserWithSessionWhenIdentityIsHeldInAnotherAppThenSucceeds() {
        App app = createApp();
        App other = createApp();
        User first = signUp(newUser(app, identity("local-userpass", "ada@example.com", Map.of()))).user();

        User second = signUp(newUser(other, identity("local-userpass", "ada@example.com", Map.of()))).user();

        assertThat(store.users().findByIdentity(app.id(), "local-userpass", "ada@example.com")).contains(first);
        assertThat(store.users().findByIdentity(other.id(), "local-userpass", "ada@example.com")).contains(second);
    }

    @Test
    void createUserWithSessionConcurrentlyWithTheSameIdentityThenExactlyOneWins() {
        App app = createApp();
        List<User> users = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            User user = newUser(app, identity("local-userpass", "race@example.com", Map.of()));
            users.add(user);
            sessions.add(newSession(user));
        }

        List<Outcome<Integer>> outcomes = concurrently(THREADS, i -> {
            signups().createUserWithSession(users.get(i), sessions.get(i));
            return i;
        });

        List<Integer> winners = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(winners).as("threads whose sign-up succeeded").hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(IdentityTakenException.class));
        int winner = winners.get(0);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", "race@example.com"))
                .contains(users.get(winner));
        for (int i = 0; i < THREADS; i++) {
            if (i != winner) {
                assertThat(store.users().find(app.id(), users.get(i).id())).isEmpty();
                assertThat(store.sessions().find(sessions.get(i).id())).isEmpty();
            }
        }
        assertThat(store.sessions().find(sessions.get(winner).id())).contains(sessions.get(winner));
    }
}
