package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.client.testing.Concurrently;
import dev.atrium.client.testing.RecordingListener;
import dev.atrium.client.testing.ScriptedServer.Answer;
import dev.atrium.client.testing.Tokens;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Auth-state listeners: every change, in order, one at a time, also when many threads refresh at once. */
class AuthStateListenerTest {
    final ScriptedAtrium atrium = new ScriptedAtrium();
    final RecordingListener listener = new RecordingListener();
    final String id = ScriptedAtrium.USER_ID;

    @AfterEach
    void close() {
        atrium.close();
    }

    /** The server accepts only the access token its last login or refresh issued, like a real one after expiry. */
    private AtomicReference<String> serverAcceptsOnlyTheLatestToken(long refreshMillis) {
        AtomicReference<String> current = new AtomicReference<>();
        atrium.server.on("POST", ScriptedAtrium.LOGIN, () -> {
            current.set(Tokens.valid(id));
            return Answer.json(200, ScriptedAtrium.loginBody(current.get(), Tokens.valid(id)));
        });
        atrium.server.onRequest("GET", ScriptedAtrium.PROFILE, r -> ("Bearer " + current.get()).equals(r.header("Authorization"))
                ? Answer.json(200, ScriptedAtrium.profileBody()) : ScriptedAtrium.unauthorized());
        atrium.server.on("POST", ScriptedAtrium.SESSION, () -> {
            sleep(refreshMillis);
            current.set(Tokens.valid(id));
            return Answer.json(201, "{\"access_token\":\"" + current.get() + "\"}");
        });
        return current;
    }

    @Test
    void changesArriveInTheOrderTheyHappened() {
        atrium.app.addAuthStateListener(listener);

        User guest = atrium.app.login(Credentials.anonymous());
        guest.refreshCustomData();
        guest.logOut();

        assertThat(listener.awaitExactly(3)).containsExactly("LoggedIn(" + id + ")", "TokenRefreshed(" + id + ")",
                "Removed(" + id + ")");
    }

    @Test
    void linkedUserThatLogsOutIsLoggedOutAndLogsInAgain() {
        atrium.app.addAuthStateListener(listener);
        User user = atrium.app.login(Credentials.anonymous());
        atrium.server.on("GET", ScriptedAtrium.PROFILE, Answer.json(200, "{\"user_id\":\"" + id + "\",\"identities\":["
                + "{\"id\":\"i1\",\"provider_type\":\"anon-user\"},{\"id\":\"i2\",\"provider_type\":\"local-userpass\"}],\"data\":{}}"));
        user.refreshProfile(); // no change of auth state: none heard

        user.logOut();
        atrium.app.login(Credentials.anonymous(false));

        assertThat(listener.awaitExactly(3)).containsExactly("LoggedIn(" + id + ")", "LoggedOut(" + id + ")", "LoggedIn(" + id + ")");
    }

    @Test
    void concurrentRequestsWithAStaleTokenShareOneRefreshAndListenersHearItOnce() {
        AtomicReference<String> current = serverAcceptsOnlyTheLatestToken(100);
        atrium.app.addAuthStateListener(listener);
        User guest = atrium.app.login(Credentials.anonymous());
        current.set("expired-on-the-server");

        Concurrently.run(16, i -> {
            guest.refreshProfile();
            return null;
        });
        guest.logOut();

        assertThat(atrium.sent("POST", ScriptedAtrium.SESSION)).isEqualTo(1);
        assertThat(listener.awaitExactly(3)).containsExactly("LoggedIn(" + id + ")", "TokenRefreshed(" + id + ")",
                "Removed(" + id + ")");
        assertThat(listener.mostAtOnce()).isEqualTo(1);
    }

    @Test
    void refreshRefusedUnderConcurrentRequestsRemovesTheGuestOnceAndNothingFollows() {
        AtomicReference<String> current = serverAcceptsOnlyTheLatestToken(0);
        atrium.app.addAuthStateListener(listener);
        User guest = atrium.app.login(Credentials.anonymous());
        current.set("expired-on-the-server");
        atrium.server.on("POST", ScriptedAtrium.SESSION, ScriptedAtrium.unauthorized());

        List<Class<?>> failures = Concurrently.run(12, i -> {
            try {
                guest.refreshProfile();
                return null;
            } catch (AtriumException e) {
                return e.getClass();
            }
        });

        // The first refusal removes the guest; threads that come later find no user at all.
        assertThat(failures).allMatch(c -> c == SessionExpiredException.class || c == ClientException.class);
        assertThat(failures).contains(SessionExpiredException.class);
        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(listener.awaitExactly(2)).containsExactly("LoggedIn(" + id + ")", "Removed(" + id + ")");
    }

    @Test
    void manyThreadsLoggingGuestsInAndOutGiveEveryUserLoggedInThenRemovedOneDeliveryAtATime() {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        atrium.server.on("POST", ScriptedAtrium.LOGIN, () -> {
            String user = String.format("65f0c0ffee01234567%06d", next.incrementAndGet());
            return Answer.json(200, "{\"access_token\":\"" + Tokens.valid(user) + "\",\"refresh_token\":\"" + Tokens.valid(user)
                    + "\",\"user_id\":\"" + user + "\",\"device_id\":\"65f0c0ffee0123456789abce\"}");
        });
        atrium.app.addAuthStateListener(listener);

        List<String> ids = Concurrently.run(12, i -> {
            User guest = atrium.app.login(Credentials.anonymous(false));
            guest.logOut();
            return guest.id();
        });

        List<String> heard = listener.awaitExactly(24);
        for (String user : ids) {
            assertThat(heard.stream().filter(s -> s.contains(user))).containsExactly("LoggedIn(" + user + ")", "Removed(" + user + ")");
        }
        assertThat(listener.mostAtOnce()).isEqualTo(1);
    }

    @Test
    void aThrowingListenerNeitherStopsItsNextChangeNorOtherListeners() {
        atrium.app.addAuthStateListener(change -> {
            throw new IllegalStateException("listener bug");
        });
        atrium.app.addAuthStateListener(listener);

        atrium.app.login(Credentials.anonymous()).logOut();

        assertThat(listener.awaitExactly(2)).containsExactly("LoggedIn(" + id + ")", "Removed(" + id + ")");
    }

    @Test
    void removedListenerHearsNothingMoreAndAListenerMayCallTheApp() {
        RecordingListener removed = new RecordingListener();
        atrium.app.addAuthStateListener(removed);
        AtomicReference<String> seenCurrent = new AtomicReference<>();
        atrium.app.addAuthStateListener(Runnable::run, change ->
                seenCurrent.set(atrium.app.currentUser().map(User::id).orElse("none")));
        atrium.app.addAuthStateListener(listener);
        atrium.app.login(Credentials.anonymous());
        removed.await(1);

        atrium.app.removeAuthStateListener(removed);
        atrium.app.currentUser().orElseThrow().logOut();

        assertThat(listener.awaitExactly(2)).hasSize(2);
        assertThat(removed.awaitExactly(1)).containsExactly("LoggedIn(" + id + ")");
        assertThat(seenCurrent.get()).isEqualTo("none");
    }

    @Test
    void nullListenerIsAnInvalidArgument() {
        assertThatThrownBy(() -> atrium.app.addAuthStateListener(null)).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.code()).isEqualTo(ClientErrorCode.InvalidArgument));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
