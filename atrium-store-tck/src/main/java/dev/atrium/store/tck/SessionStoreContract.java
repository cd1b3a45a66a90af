package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.sessions.SessionWithUser;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link SessionStore}. */
public abstract class SessionStoreContract extends StoreContract {

    private SessionStore sessions() {
        return store.sessions();
    }

    @Test
    void insertThenFindReturnsTheSessionAsWritten() {
        App app = createApp();
        User user = signUpGuest(app).user();
        Session session = newSession(user);

        sessions().insert(session);

        assertThat(sessions().find(session.userId(), session.id())).contains(session);
    }

    @Test
    void findWhenUnknownThenEmpty() {
        App app = createApp();
        User guest = signUpGuest(app).user();

        assertThat(sessions().find(guest.id(), ObjectIds.next(T0))).isEmpty();
    }

    @Test
    void findWithAnotherUsersIdThenEmptyAndRevokeWithItThenFalseAndTheSessionStays() {
        App app = createApp();
        Session session = signUpGuest(app).session();
        User other = signUpGuest(app).user();

        assertThat(sessions().find(other.id(), session.id())).isEmpty();
        assertThat(sessions().findWithUser(other.id(), session.id())).isEmpty();
        assertThat(sessions().revoke(other.id(), session.id())).isFalse();

        assertThat(sessions().find(session.userId(), session.id())).contains(session);
    }

    @Test
    void findWithUserReturnsTheSessionAndItsUserWithIdentitiesInOrder() {
        App app = createApp();
        User user = newUser(app, guestIdentity(), identity("local-userpass", "reader@example.com", Map.of("email", "reader@example.com")));
        Signup signup = signUp(user);
        Session second = newSession(user);
        sessions().insert(second);

        assertThat(sessions().findWithUser(signup.session().userId(), signup.session().id()))
                .contains(new SessionWithUser(signup.session(), user));
        assertThat(sessions().findWithUser(second.userId(), second.id())).contains(new SessionWithUser(second, user));
    }

    @Test
    void findWithUserWhenRevokedOrUnknownThenEmpty() {
        App app = createApp();
        Session session = signUpGuest(app).session();
        sessions().revoke(session.userId(), session.id());

        assertThat(sessions().findWithUser(session.userId(), session.id())).isEmpty();
        assertThat(sessions().findWithUser(session.userId(), ObjectIds.next(T0))).isEmpty();
    }

    @Test
    void findWithUserWhenUserDeletedThenEmpty() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        store.users().delete(app.id(), signup.user().id(), DeletionReason.LOGOUT, nextInstant());

        assertThat(sessions().findWithUser(signup.session().userId(), signup.session().id())).isEmpty();
    }

    @Test
    void insertWhenUserNeverExistedThenThrowsIllegalStateAndWritesNothing() {
        App app = createApp();
        User ghost = new User(ObjectIds.next(T0), app.id(), UserType.NORMAL, false, T0, T0, Map.of(),
                List.of(guestIdentity()));
        Session session = newSession(ghost);

        assertThatThrownBy(() -> sessions().insert(session)).isInstanceOf(IllegalStateException.class);

        assertThat(sessions().find(session.userId(), session.id())).isEmpty();
    }

    @Test
    void insertWhenUserWasDeletedThenThrowsIllegalStateAndWritesNothing() {
        App app = createApp();
        User user = signUpGuest(app).user();
        store.users().delete(app.id(), user.id(), DeletionReason.LOGOUT, nextInstant());
        Session session = newSession(user);

        assertThatThrownBy(() -> sessions().insert(session)).isInstanceOf(IllegalStateException.class);

        assertThat(sessions().find(session.userId(), session.id())).isEmpty();
        assertThat(sessions().revokeAll(app.id(), user.id())).isZero();
    }

    @Test
    void revokeThenTrueAndFindIsEmpty() {
        App app = createApp();
        Session session = signUpGuest(app).session();

        assertThat(sessions().revoke(session.userId(), session.id())).isTrue();

        assertThat(sessions().find(session.userId(), session.id())).isEmpty();
    }

    @Test
    void revokeWhenUnknownThenFalse() {
        App app = createApp();
        User guest = signUpGuest(app).user();

        assertThat(sessions().revoke(guest.id(), ObjectIds.next(T0))).isFalse();
    }

    @Test
    void revokeTwiceThenSecondIsFalse() {
        App app = createApp();
        Session session = signUpGuest(app).session();

        assertThat(sessions().revoke(session.userId(), session.id())).isTrue();
        assertThat(sessions().revoke(session.userId(), session.id())).isFalse();
    }

    @Test
    void revokeLeavesTheUserAndItsOtherSessions() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        Session other = newSession(signup.user());
        sessions().insert(other);

        sessions().revoke(signup.session().userId(), signup.session().id());

        assertThat(sessions().find(other.userId(), other.id())).contains(other);
        assertThat(store.users().find(app.id(), signup.user().id())).contains(signup.user());
    }

    @Test
    void revokeAllDeletesEverySessionOfTheUserAndReturnsHowMany() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        Session second = newSession(signup.user());
        Session third = newSession(signup.user());
        sessions().insert(second);
        sessions().insert(third);

        assertThat(sessions().revokeAll(app.id(), signup.user().id())).isEqualTo(3);

        assertThat(sessions().find(signup.session().userId(), signup.session().id())).isEmpty();
        assertThat(sessions().find(second.userId(), second.id())).isEmpty();
        assertThat(sessions().find(third.userId(), third.id())).isEmpty();
        assertThat(store.users().find(app.id(), signup.user().id())).contains(signup.user());
    }

    @Test
    void revokeAllLeavesOtherUsersSessions() {
        App app = createApp();
        Signup target = signUpGuest(app);
        Signup other = signUpGuest(app);

        sessions().revokeAll(app.id(), target.user().id());

        assertThat(sessions().find(other.session().userId(), other.session().id())).contains(other.session());
    }

    @Test
    void revokeAllWhenUserHasNoSessionsThenZero() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        sessions().revoke(signup.session().userId(), signup.session().id());

        assertThat(sessions().revokeAll(app.id(), signup.user().id())).isZero();
    }

    @Test
    void revokeAllWhenUnknownUserThenZero() {
        App app = createApp();
        signUpGuest(app);

        assertThat(sessions().revokeAll(app.id(), "000000000000000000000001")).isZero();
    }

    @Test
    void revokeAllWhenUserBelongsToAnotherAppThenZeroAndSessionsKept() {
        App app = createApp();
        App other = createApp();
        Signup signup = signUpGuest(app);

        assertThat(sessions().revokeAll(other.id(), signup.user().id())).isZero();

        assertThat(sessions().find(signup.session().userId(), signup.session().id())).contains(signup.session());
    }
}
