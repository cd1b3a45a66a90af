package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.admin.UserFilter;
import dev.atrium.core.admin.UserSort;
import dev.atrium.core.apps.App;
import dev.atrium.core.imports.ImportMode;
import dev.atrium.core.imports.ImportOutcome;
import dev.atrium.core.imports.ImportedUser;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.SessionWithUser;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A guest's one identity, however the store keeps it: the SQL stores leave it implied by the user
 * row while the guest is a guest, and write it out when it links (docs/stores.md, "Guests'
 * identity"). Every read sees the identity the guest was signed up with, linking keeps it first,
 * and the sweeper and imports treat the guest as ever. Guests whose identity has a subject of its
 * own (stores from before, imports) are read as written, side by side with the others.
 */
public abstract class GuestIdentityContract extends StoreContract {

    private List<User> listed(App app, UserFilter filter) {
        return store.userQueries().list(app.id(), filter, UserSort.CREATED, null, 100);
    }

    private static UserFilter byProvider(String type) {
        return new UserFilter(null, null, type, null, null, null, null);
    }

    private static final UserFilter ANONYMOUS = new UserFilter("anonymous", null, null, null, null, null, null);

    private static User withIdentities(User user, Identity... more) {
        List<Identity> identities = new ArrayList<>(user.identities());
        identities.addAll(List.of(more));
        return new User(user.id(), user.appId(), user.type(), user.disabled(), user.createdAt(), user.lastActiveAt(),
                user.customData(), identities);
    }

    private Identity userpass(String email) {
        return identity("local-userpass", ObjectIds.next(T0), Map.of("email", email));
    }

    @Test
    void aGuestIsReadEverywhereWithOneAnonymousIdentityWhoseSubjectIsItsIdCreatedWithIt() {
        App app = createApp();
        App other = createApp();
        Signup g = signUpGuest(app);
        User guest = g.user();

        assertThat(guest.identities()).containsExactly(new Identity(User.ANON_PROVIDER, guest.id(), Map.of(), guest.createdAt()));
        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.users().findInSession(app.id(), guest.id(), g.session().id(), guest.createdAt())).contains(guest);
        assertThat(store.sessions().findWithUser(g.session().userId(), g.session().id()).map(SessionWithUser::user)).contains(guest);
        assertThat(store.users().findByIdentity(app.id(), User.ANON_PROVIDER, guest.id())).contains(guest);
        assertThat(store.users().findByIdentity(other.id(), User.ANON_PROVIDER, guest.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", guest.id())).isEmpty();
    }

    @Test
    void theAdminQueriesFindGuestsByTheAnonymousProviderWhateverHowTheirIdentityIsKept() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        User older = signUpGuestWithOwnSubject(app).user();
        User ada = signUp(newUser(app, userpass("ada@example.com"))).user();

        assertThat(listed(app, byProvider(User.ANON_PROVIDER))).containsExactly(guest, older);
        assertThat(store.userQueries().count(app.id(), byProvider(User.ANON_PROVIDER))).isEqualTo(2);
        assertThat(listed(app, byProvider("local-userpass"))).containsExactly(ada);
        assertThat(listed(app, ANONYMOUS)).containsExactly(guest, older);
        assertThat(listed(app, UserFilter.ALL)).containsExactly(guest, older, ada);
    }

    @Test
    void aGuestWhoseIdentityHasASubjectOfItsOwnIsReadAsWritten() {
        App app = createApp();
        User older = signUpGuestWithOwnSubject(app).user();
        Identity anon = older.identities().get(0);

        assertThat(anon.subject()).isNotEqualTo(older.id());
        assertThat(store.users().find(app.id(), older.id())).contains(older);
        assertThat(store.users().findByIdentity(app.id(), User.ANON_PROVIDER, anon.subject())).contains(older);
        assertThat(store.users().findByIdentity(app.id(), User.ANON_PROVIDER, older.id())).isEmpty();
    }

    @Test
    void aGuestThatLinksHoldsItsAnonymousIdentityFirstThenTheLinkedOneAndIsFoundByEither() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");

        assertThat(store.links().addIdentity(app.id(), guest.id(), local)).isTrue();

        User linked = withIdentities(guest, local);
        assertThat(store.users().find(app.id(), guest.id())).contains(linked);
        assertThat(store.users().findByIdentity(app.id(), User.ANON_PROVIDER, guest.id())).contains(linked);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject())).contains(linked);
        assertThat(listed(app, byProvider(User.ANON_PROVIDER))).containsExactly(linked);
        assertThat(listed(app, ANONYMOUS)).isEmpty();
    }

    @Test
    void aGuestWhoseIdentityHasASubjectOfItsOwnLinksAsBefore() {
        App app = createApp();
        User older = signUpGuestWithOwnSubject(app).user();
        Identity local = userpass("ada@example.com");

        assertThat(store.links().addIdentity(app.id(), older.id(), local)).isTrue();

        assertThat(store.users().find(app.id(), older.id())).contains(withIdentities(older, local));
    }

    @Test
    void theSweeperDeletesInactiveGuestsWhateverHowTheirIdentityIsKeptAndLeavesLinkedOnes() {
        App app = createApp();
        Instant longAgo = Instant.now().minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.SECONDS);
        User guest = signUpGuestAt(app, longAgo).user();
        User older = signUp(new User(ObjectIds.next(longAgo), app.id(), UserType.NORMAL,
                false, longAgo, longAgo, Map.of(), List.of(guestIdentity()))).user();
        User linked = signUpGuestAt(app, longAgo).user();
        store.links().addIdentity(app.id(), linked.id(), userpass("ada@example.com"));
        Instant cutoff = Instant.now().minus(Duration.ofDays(90));

        assertThat(store.sweeps().inactiveGuests(app.id(), cutoff, 10)).containsExactlyInAnyOrder(guest.id(), older.id());
        assertThat(store.sweeps().deleteInactiveGuests(app.id(), cutoff, 10, Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .isEqualTo(2);

        assertThat(store.users().find(app.id(), guest.id())).isEmpty();
        assertThat(store.users().find(app.id(), older.id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), User.ANON_PROVIDER, guest.id())).isEmpty();
        assertThat(store.users().find(app.id(), linked.id())).isPresent();
    }

    @Test
    void aGuestReadThenDeletedThenImportedBackIsTheSameGuestAndAnotherImportChangesNothing() {
        App app = createApp();
        User guest = store.users().find(app.id(), signUpGuest(app).user().id()).orElseThrow();
        store.users().delete(app.id(), guest.id(), DeletionReason.ADMIN, nextInstant());

        assertThat(store.imports().importUsers(app.id(), List.of(new ImportedUser(guest, null)), ImportMode.WRITE))
                .containsExactly(ImportOutcome.NEW);
        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.imports().importUsers(app.id(), List.of(new ImportedUser(guest, null)), ImportMode.WRITE))
                .containsExactly(ImportOutcome.UPDATED);
        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.users().findByIdentity(app.id(), User.ANON_PROVIDER, guest.id())).contains(guest);
    }

    @Test
    void anImportOfAGuestStillSignedUpUpdatesItAndKeepsItsIdentity() {
        App app = createApp();
        User guest = signUpGuest(app).user();

        assertThat(store.imports().importUsers(app.id(), List.of(new ImportedUser(guest, null)), ImportMode.WRITE))
                .containsExactly(ImportOutcome.UPDATED);

        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(listed(app, byProvider(User.ANON_PROVIDER))).containsExactly(guest);
    }

    @Test
    void anImportOfAnotherUserWithAGuestsAnonymousIdentityIsRefused() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        User clash = newUser(app, new Identity(User.ANON_PROVIDER, guest.id(), Map.of(), nextInstant()));

        List<ImportOutcome> outcomes = store.imports().importUsers(app.id(), List.of(new ImportedUser(clash, null)),
                ImportMode.WRITE);

        assertThat(outcomes.get(0).kind()).isEqualTo(ImportOutcome.Kind.REFUSED);
        assertThat(store.users().find(app.id(), clash.id())).isEmpty();
        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
    }
}
