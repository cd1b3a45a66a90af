package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.atrium.core.apps.App;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.auth.password.UserpassProvider;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UserStore}. Users are written by sign-ups, as in the product. Deleting a
 * user deletes its credentials too; its API keys are held to it in
 * ApiKeyStoreContract, the sweeper's deletes in SweepStoreContract.
 */
public abstract class UserStoreContract extends StoreContract {

    private UserStore users() {
        return store.users();
    }

    /** A user whose identity order is neither by provider type nor by subject. */
    private User linkedUser(App app) {
        Identity anon = new Identity(User.ANON_PROVIDER, "s3-anon", Map.of(), nextInstant());
        Identity local = identity("local-userpass", "s1-local", Map.of("email", "ada@example.com"));
        Identity custom = identity("custom-token", "s2-custom", Map.of("name", "Ada", "verified", true));
        Instant created = nextInstant();
        return new User(ObjectIds.next(created), app.id(), UserType.NORMAL, false, created,
                created, Map.of("plan", "pro", "seats", 3), List.of(anon, local, custom));
    }

    /** A new (not stored) confirmed e-mail/password account of the app with a pending confirmation and reset token. */
    private UserpassAccount newUserpassAccount(App app, String email) {
        Instant created = nextInstant();
        return new UserpassAccount(ObjectIds.next(created), app.id(), email, "$argon2id$" + randomHex(16),
                true, new PendingToken(ObjectIds.next(created), randomHex(32), created.plus(Duration.ofDays(1))),
                new PendingToken(ObjectIds.next(created), randomHex(32), created.plus(Duration.ofDays(1))), created);
    }

    /** Stores {@link #newUserpassAccount} and returns it. */
    private UserpassAccount userpassAccount(App app, String email) {
        UserpassAccount account = newUserpassAccount(app, email);
        assertThat(store.userpass().create(account)).isTrue();
        return account;
    }

    private static User withLastActiveAt(User u, Instant at) {
        return new User(u.id(), u.appId(), u.type(), u.disabled(), u.createdAt(), at, u.customData(), u.identities());
    }

    private static User withDisabled(User u, boolean disabled) {
        return new User(u.id(), u.appId(), u.type(), disabled, u.createdAt(), u.lastActiveAt(), u.customData(),
                u.identities());
    }

    // ---------------------------------------------------------------- find

    @Test
    void findReturnsTheUserWithItsIdentitiesInOrder() {
        App app = createApp();
        User user = signUp(linkedUser(app)).user();

        assertThat(users().find(app.id(), user.id())).contains(user);
        assertThat(users().find(app.id(), user.id()).orElseThrow().providerTypes())
                .containsExactly("anon-user", "local-userpass", "custom-token");
    }

    @Test
    void findWhenUnknownThenEmpty() {
        App app = createApp();
        signUpGuest(app);

        assertThat(users().find(app.id(), "000000000000000000000001")).isEmpty();
    }

    @Test
    void findWhenUserBelongsToAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        User user = signUpGuest(app).user();

        assertThat(users().find(other.id(), user.id())).isEmpty();
    }

    // ---------------------------------------------------------------- findInSession

    @Test
    void findInSessionWhileTheSessionLivesReturnsTheUserWithItsIdentitiesInOrder() {
        App app = createApp();
        Signup signup = signUp(linkedUser(app));
        Session session = signup.session();

        assertThat(users().findInSession(app.id(), signup.user().id(), session.id(), session.createdAt()))
                .contains(signup.user());
    }

    @Test
    void findInSessionWhenTheSessionWasRevokedThenEmpty() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        Session kept = newSession(signup.user());
        store.sessions().insert(kept);

        store.sessions().revoke(signup.session().userId(), signup.session().id());

        assertThat(users().findInSession(app.id(), signup.user().id(), signup.session().id(), T0)).isEmpty();
        assertThat(users().findInSession(app.id(), signup.user().id(), kept.id(), T0)).contains(signup.user());
    }

    @Test
    void findInSessionWhenEverySessionOfTheUserWasRevokedThenEmpty() {
        App app = createApp();
        Signup signup = signUpGuest(app);

        store.sessions().revokeAll(app.id(), signup.user().id());

        assertThat(users().findInSession(app.id(), signup.user().id(), signup.session().id(), T0)).isEmpty();
    }

    @Test
    void findInSessionAtTheSessionsExpiryOrLaterThenEmpty() {
        App app = createApp();
        Signup signup = signUpGuest(app);
        Session s = signup.session();

        assertThat(users().findInSession(app.id(), s.userId(), s.id(), s.expiresAt().minusMillis(1))).contains(signup.user());
        assertThat(users().findInSession(app.id(), s.userId(), s.id(), s.expiresAt())).isEmpty();
        assertThat(users().findInSession(app.id(), s.userId(), s.id(), s.expiresAt().plusSeconds(1))).isEmpty();
    }

    @Test
    void findInSessionWhenTheUserWasDeletedThenEmpty() {
        App app = createApp();
        Signup signup = signUpGuest(app);

        users().delete(app.id(), signup.user().id(), DeletionReason.ADMIN, nextInstant());

        assertThat(users().findInSession(app.id(), signup.user().id(), signup.session().id(), T0)).isEmpty();
    }

    @Test
    void findInSessionWhenTheSessionIsAnotherUsersThenEmpty() {
        App app = createApp();
        Signup victim = signUpGuest(app);
        Signup other = signUpGuest(app);

        assertThat(users().findInSession(app.id(), other.user().id(), victim.session().id(), T0)).isEmpty();
        assertThat(users().findInSession(app.id(), victim.user().id(), other.session().id(), T0)).isEmpty();
    }

    @Test
    void findInSessionWhenTheAppDiffersOrTheSessionIsUnknownThenEmpty() {
        App app = createApp();
        App other = createApp();
        Signup signup = signUpGuest(app);

        assertThat(users().findInSession(other.id(), signup.user().id(), signup.session().id(), T0)).isEmpty();
        assertThat(users().findInSession(app.id(), signup.user().id(), "000000000000000000000001", T0)).isEmpty();
    }

    @Test
    void findInSessionShowsTheDisabledFlag() {
        App app = createApp();
        Signup signup = signUp(linkedUser(app));
        users().setDisabled(app.id(), signup.user().id(), true);

        assertThat(users().findInSession(app.id(), signup.user().id(), signup.session().id(), T0))
                .contains(withDisabled(signup.user(), true));
    }

    // ---------------------------------------------------------------- findByIdentity

    @Test
    void findByIdentityReturnsTheHolderWithAllItsIdentities() {
        App app = createApp();
        User user = signUp(linkedUser(app)).user();

        for (Identity i : user.identities()) {
            assertThat(users().findByIdentity(app.id(), i.providerType(), i.subject())).contains(user);
        }
    }

    @Test
    void findByIdentityWhenNoOneHoldsItThenEmpty() {
        App app = createApp();
        User user = signUpGuest(app).user();

        assertThat(users().findByIdentity(app.id(), User.ANON_PROVIDER, "no-such-subject")).isEmpty();
        assertThat(users().findByIdentity(app.id(), "local-userpass", user.identities().get(0).subject())).isEmpty();
    }

    @Test
    void findByIdentityWhenHeldInAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        Identity identity = signUpGuest(app).user().identities().get(0);

        assertThat(users().findByIdentity(other.id(), identity.providerType(), identity.subject())).isEmpty();
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deleteWhenUserExistsThenUserIdentitiesAndSessionsAreGone() {
        App app = createApp();
        Signup signup = signUp(linkedUser(app));
        User user = signup.user();
        Session second = newSession(user);
        store.sessions().insert(second);

        assertThat(users().delete(app.id(), user.id(), DeletionReason.SELF, nextInstant())).isTrue();

        assertThat(users().find(app.id(), user.id())).isEmpty();
        for (Identity i : user.identities()) {
            assertThat(users().findByIdentity(app.id(), i.providerType(), i.subject())).isEmpty();
        }
        assertThat(store.sessions().find(signup.session().userId(), signup.session().id())).isEmpty();
        assertThat(store.sessions().find(second.userId(), second.id())).isEmpty();
    }

    @Test
    void deleteLeavesOtherUsersAndTheirSessionsAlone() {
        App app = createApp();
        Signup doomed = signUpGuest(app);
        Signup other = signUpGuest(app);

        users().delete(app.id(), doomed.user().id(), DeletionReason.LOGOUT, nextInstant());

        assertThat(users().find(app.id(), other.user().id())).contains(other.user());
        assertThat(store.sessions().find(other.session().userId(), other.session().id())).contains(other.session());
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        App app = createApp();
        signUpGuest(app);

        assertThat(users().delete(app.id(), "000000000000000000000001", DeletionReason.ADMIN, nextInstant())).isFalse();
    }

    @Test
    void deleteTwiceThenSecondIsFalse() {
        App app = createApp();
        User user = signUpGuest(app).user();

        assertThat(users().delete(app.id(), user.id(), DeletionReason.LOGOUT, nextInstant())).isTrue();
        assertThat(users().delete(app.id(), user.id(), DeletionReason.LOGOUT, nextInstant())).isFalse();
    }

    @Test
    void deleteWhenUserBelongsToAnotherAppThenFalseAndUserKept() {
        App app = createApp();
        App other = createApp();
        Signup signup = signUpGuest(app);

        assertThat(users().delete(other.id(), signup.user().id(), DeletionReason.ADMIN, nextInstant())).isFalse();

        assertThat(users().find(app.id(), signup.user().id())).contains(signup.user());
        assertThat(store.sessions().find(signup.session().userId(), signup.session().id())).contains(signup.session());
    }

    @Test
    void deleteFreesTheIdentityForReuse() {
        App app = createApp();
        User first = signUp(linkedUser(app)).user();
        users().delete(app.id(), first.id(), DeletionReason.SELF, nextInstant());
        Identity reused = first.identities().get(1);

        User second = signUp(newUser(app, identity(reused.providerType(), reused.subject(), Map.of()))).user();

        assertThat(users().findByIdentity(app.id(), reused.providerType(), reused.subject())).contains(second);
    }

    @Test
    void deleteRemovesTheEmailPasswordAccountOfItsIdentityWithItsPendingTokens() {
        App app = createApp();
        UserpassAccount account = userpassAccount(app, "gone@example.com");
        User user = signUp(newUser(app, guestIdentity(), identity(UserpassProvider.TYPE, account.id(),
                Map.of("email", account.email())))).user();

        assertThat(users().delete(app.id(), user.id(), DeletionReason.SELF, nextInstant())).isTrue();

        assertThat(store.userpass().findByEmail(app.id(), account.email())).isEmpty();
        assertThat(store.userpass().findByTokenId(app.id(), account.confirmToken().id())).isEmpty();
        assertThat(store.userpass().findByTokenId(app.id(), account.resetToken().id())).isEmpty();
        assertThat(store.userpass().create(newUserpassAccount(app, account.email()))).as("the e-mail is free again").isTrue();
    }

    @Test
    void deleteLeavesEveryOtherEmailPasswordAccountAlone() {
        App app = createApp();
        App otherApp = createApp();
        UserpassAccount doomedAccount = userpassAccount(app, "doomed@example.com");
        UserpassAccount unheld = userpassAccount(app, "registered-only@example.com");
        UserpassAccount othersAccount = userpassAccount(app, "other@example.com");
        UserpassAccount sameEmailElsewhere = userpassAccount(otherApp, "doomed@example.com");
        // The doomed user also holds a custom-token identity whose subject happens to be an account id.
        User doomed = signUp(newUser(app, identity(UserpassProvider.TYPE, doomedAccount.id(), Map.of()),
                identity("custom-token", unheld.id(), Map.of()))).user();
        signUp(newUser(app, identity(UserpassProvider.TYPE, othersAccount.id(), Map.of())));

        users().delete(app.id(), doomed.id(), DeletionReason.ADMIN, nextInstant());

        assertThat(store.userpass().findByEmail(app.id(), doomedAccount.email())).isEmpty();
        assertThat(store.userpass().findByEmail(app.id(), unheld.email())).contains(unheld);
        assertThat(store.userpass().findByEmail(app.id(), othersAccount.email())).contains(othersAccount);
        assertThat(store.userpass().findByEmail(otherApp.id(), sameEmailElsewhere.email())).contains(sameEmailElsewhere);
    }

    // ---------------------------------------------------------------- recordActivity

    @Test
    void recordActivityWhenStoredValueIsOlderThanNotAfterThenWritesOnlyLastActiveAt() {
        App app = createApp();
        User user = signUp(linkedUser(app)).user();
        Instant at = user.lastActiveAt().plusSeconds(7200);

        assertThat(users().recordActivity(app.id(), user.id(), at, at.minusSeconds(3600))).isTrue();

        assertThat(users().find(app.id(), user.id())).contains(withLastActiveAt(user, at));
    }

    @Test
    void recordActivityWhenStoredValueEqualsNotAfterThenWrites() {
        App app = createApp();
        User user = signUpGuest(app).user();
        Instant at = user.lastActiveAt().plusSeconds(3600);

        assertThat(users().recordActivity(app.id(), user.id(), at, user.lastActiveAt())).isTrue();

        assertThat(users().find(app.id(), user.id())).contains(withLastActiveAt(user, at));
    }

    @Test
    void recordActivityWhenStoredValueIsNewerThanNotAfterThenFalseAndUnchanged() {
        App app = createApp();
        User user = signUpGuest(app).user();
        Instant at = user.lastActiveAt().plusSeconds(60);

        assertThat(users().recordActivity(app.id(), user.id(), at, user.lastActiveAt().minusMillis(1))).isFalse();

        assertThat(users().find(app.id(), user.id())).contains(user);
    }

    @Test
    void recordActivityWithinOneGranularityPeriodWritesOnce() {
        App app = createApp();
        User user = signUpGuest(app).user();
        Instant first = user.lastActiveAt().plusSeconds(7200);
        Instant second = first.plusSeconds(60);

        assertThat(users().recordActivity(app.id(), user.id(), first, first.minusSeconds(3600))).isTrue();
        assertThat(users().recordActivity(app.id(), user.id(), second, second.minusSeconds(3600))).isFalse();

        assertThat(users().find(app.id(), user.id()).orElseThrow().lastActiveAt()).isEqualTo(first);
    }

    @Test
    void recordActivityWhenUnknownThenFalse() {
        App app = createApp();

        assertThat(users().recordActivity(app.id(), "000000000000000000000001", T0, T0)).isFalse();
    }

    @Test
    void recordActivityWhenUserBelongsToAnotherAppThenFalseAndUnchanged() {
        App app = createApp();
        App other = createApp();
        User user = signUpGuest(app).user();
        Instant at = user.lastActiveAt().plusSeconds(7200);

        assertThat(users().recordActivity(other.id(), user.id(), at, at)).isFalse();

        assertThat(users().find(app.id(), user.id())).contains(user);
    }

    // ---------------------------------------------------------------- setDisabled

    @Test
    void setDisabledThenFindShowsItAndOnlyIt() {
        App app = createApp();
        User user = signUp(linkedUser(app)).user();

        assertThat(users().setDisabled(app.id(), user.id(), true)).isTrue();
        assertThat(users().find(app.id(), user.id())).contains(withDisabled(user, true));

        assertThat(users().setDisabled(app.id(), user.id(), false)).isTrue();
        assertThat(users().find(app.id(), user.id())).contains(user);
    }

    @Test
    void setDisabledWhenUnknownThenFalse() {
        App app = createApp();

        assertThat(users().setDisabled(app.id(), "000000000000000000000001", true)).isFalse();
    }

    @Test
    void setDisabledWhenUserBelongsToAnotherAppThenFalseAndUnchanged() {
        App app = createApp();
        App other = createApp();
        User user = signUpGuest(app).user();

        assertThat(users().setDisabled(other.id(), user.id(), true)).isFalse();

        assertThat(users().find(app.id(), user.id())).contains(user);
    }
}
