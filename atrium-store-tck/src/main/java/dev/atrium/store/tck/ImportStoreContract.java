package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassProvider;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.imports.EmailAccount;
import dev.atrium.core.imports.ImportMode;
import dev.atrium.core.imports.ImportOutcome;
import dev.atrium.core.imports.ImportStore;
import dev.atrium.core.imports.ImportedUser;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ImportStore}: users brought over from App Services keep their ids,
 * identities (in order), dates, flags and data; a second run updates and never duplicates, keeping
 * what happened since (a password, a linked identity, later activity); a clashing record is refused
 * whole, the rest of its batch written; a dry run decides alike and writes nothing.
 */
public abstract class ImportStoreContract extends StoreContract {
    private static final String CUSTOM = "custom-token";

    private ImportStore imports() {
        return store.imports();
    }

    /** A user as App Services had it: its own id, created and last seen in the past, with these identities. */
    private User exported(App app, Identity... identities) {
        Instant created = nextInstant().minus(Duration.ofDays(400));
        return new User(ObjectIds.next(created), app.id(), UserType.NORMAL, false, created, created.plus(Duration.ofDays(3)),
                Map.of(), List.of(identities));
    }

    private Identity email(String subject, String address) {
        return identity(UserpassProvider.TYPE, subject, Map.of("email", address));
    }

    /** A user with an e-mail identity and a custom-token one, and its account. */
    private ImportedUser emailUser(App app, String address) {
        String subject = ObjectIds.next(T0);
        User u = exported(app, email(subject, address), identity(CUSTOM, "ext-" + randomHex(4), Map.of("name", "Ann")));
        return new ImportedUser(u, new EmailAccount(subject, address));
    }

    private static ImportedUser plain(User u) {
        return new ImportedUser(u, null);
    }

    private List<ImportOutcome> write(App app, ImportedUser... batch) {
        return imports().importUsers(app.id(), List.of(batch), ImportMode.WRITE);
    }

    // ---------------------------------------------------------------- a first run

    @Test
    void importUsersWhenNewThenEachKeepsItsIdIdentitiesInOrderDatesAndFlags() {
        App app = createApp();
        ImportedUser ann = emailUser(app, "ann@example.com");
        User server = new User(ObjectIds.next(T0), app.id(), UserType.SERVER, true, T0, T0.plusSeconds(5),
                Map.of("plan", "gold"), List.of());

        assertThat(write(app, ann, plain(server))).containsExactly(ImportOutcome.NEW, ImportOutcome.NEW);

        assertThat(store.users().find(app.id(), ann.user().id())).contains(ann.user());
        assertThat(store.users().find(app.id(), server.id())).contains(server);
        assertThat(store.users().findByIdentity(app.id(), CUSTOM, ann.user().identities().get(1).subject()))
                .map(User::id).contains(ann.user().id());
    }

    @Test
    void importUsersWhenTheUserHasAnEmailIdentityThenItsAccountIsConfirmedWithoutPassword() {
        App app = createApp();
        ImportedUser ann = emailUser(app, "ann@example.com");

        write(app, ann);

        UserpassAccount account = store.userpass().findByEmail(app.id(), "ann@example.com").orElseThrow();
        assertThat(account.id()).isEqualTo(ann.account().id());
        assertThat(account.confirmed()).isTrue();
        assertThat(account.hasPassword()).isFalse();
        assertThat(account.resetToken()).isNull();
    }

    @Test
    void importUsersWritesNoEvent() {
        App app = createApp();

        write(app, emailUser(app, "ann@example.com"), plain(exported(app, guestIdentity())));

        assertThat(store.events().recent(app.id(), 10)).isEmpty();
    }

    @Test
    void importedGuestIsAnonymousSoTheSweeperDeletesItWithAnEvent() {
        App app = createApp();
        Instant longAgo = Instant.now().minus(Duration.ofDays(200)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        User guest = new User(ObjectIds.next(longAgo), app.id(), UserType.NORMAL, false, longAgo, longAgo, Map.of(),
                List.of(guestIdentity()));
        write(app, plain(guest));

        assertThat(store.sweeps().inactiveGuests(app.id(), Instant.now().minus(Duration.ofDays(90)), 10))
                .containsExactly(guest.id());
        assertThat(store.sweeps().deleteInactiveGuests(app.id(), Instant.now().minus(Duration.ofDays(90)), 10,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))).isOne();
        assertThat(store.events().recent(app.id(), 10)).extracting(UserEvent::type, UserEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UserEvent.DELETED, DeletionReason.INACTIVITY.wire()));
    }

    // ---------------------------------------------------------------- a second run

    @Test
    void importUsersAgainWithTheSameRecordsThenUpdatedAndNothingChanges() {
        App app = createApp();
        ImportedUser ann = emailUser(app, "ann@example.com");
        ImportedUser guest = plain(exported(app, guestIdentity()));
        write(app, ann, guest);

        assertThat(write(app, ann, guest)).containsExactly(ImportOutcome.UPDATED, ImportOutcome.UPDATED);

        assertThat(store.users().find(app.id(), ann.user().id())).contains(ann.user());
        assertThat(store.users().find(app.id(), guest.user().id())).contains(guest.user());
        assertThat(store.userpass().findByEmail(app.id(), "ann@example.com").orElseThrow().hasPassword()).isFalse();
    }

    @Test
    void importUsersAgainKeepsAPasswordSetAndAnIdentityLinkedSince() {
        App app = createApp();
        ImportedUser ann = emailUser(app, "ann@example.com");
        write(app, ann);
        UserpassAccount account = store.userpass().findByEmail(app.id(), "ann@example.com").orElseThrow();
        store.userpass().update(account.withPassword("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), null);
        Identity linked = identity("oauth2-google", "g-" + randomHex(4), Map.of());
        store.links().addIdentity(app.id(), ann.user().id(), linked);

        assertThat(write(app, ann)).containsExactly(ImportOutcome.UPDATED);

        assertThat(store.userpass().findByEmail(app.id(), "ann@example.com").orElseThrow().passwordHash())
                .isEqualTo("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
        assertThat(store.users().find(app.id(), ann.user().id()).orElseThrow().identities())
                .extracting(Identity::subject)
                .containsExactly(ann.user().identities().get(0).subject(), ann.user().identities().get(1).subject(),
                        linked.subject());
    }

    @Test
    void importUsersAgainTakesTheExportsFlagsAndDataButKeepsTheLaterActivityAndStoredCustomData() {
        App app = createApp();
        User first = new User(ObjectIds.next(T0), app.id(), UserType.NORMAL, false, T0, T0.plusSeconds(100),
                Map.of("plan", "gold"), List.of(identity(CUSTOM, "ext-" + randomHex(4), Map.of("name", "Ann"))));
        write(app, plain(first));
        User again = new User(first.id(), app.id(), UserType.NORMAL, true, T0.minusSeconds(10), T0.plusSeconds(50),
                Map.of(), List.of(identity(CUSTOM, first.identities().get(0).subject(), Map.of("name", "Ann B."))));

        write(app, plain(again));

        User stored = store.users().find(app.id(), first.id()).orElseThrow();
        assertThat(stored.disabled()).isTrue();
        assertThat(stored.createdAt()).isEqualTo(T0.minusSeconds(10));
        assertThat(stored.lastActiveAt()).isEqualTo(T0.plusSeconds(100));
        assertThat(stored.customData()).isEqualTo(Map.of("plan", "gold"));
        assertThat(stored.profileData()).isEqualTo(Map.of("name", "Ann B."));
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void importUsersWhenAnIdentityBelongsToAnotherUserThenThatRecordIsRefusedWholeAndTheOthersWritten() {
        App app = createApp();
        Signup holder = signUp(newUser(app, identity(CUSTOM, "taken", Map.of())));
        ImportedUser clash = new ImportedUser(exported(app, email(ObjectIds.next(T0), "bo@example.com"),
                identity(CUSTOM, "taken", Map.of())), null);
        ImportedUser fine = emailUser(app, "cy@example.com");

        List<ImportOutcome> outcomes = write(app, clash, fine);

        assertThat(outcomes.get(0).kind()).isEqualTo(ImportOutcome.Kind.REFUSED);
        assertThat(outcomes.get(0).reason()).contains("taken").contains(holder.user().id());
        assertThat(outcomes.get(1)).isEqualTo(ImportOutcome.NEW);
        assertThat(store.users().find(app.id(), clash.user().id())).isEmpty();
        assertThat(store.users().findByIdentity(app.id(), UserpassProvider.TYPE, clash.user().identities().get(0).subject()))
                .isEmpty();
        assertThat(store.users().find(app.id(), fine.user().id())).isPresent();
    }

    @Test
    void importUsersWhenTheIdBelongsToAUserOfAnotherAppThenRefused() {
        App other = createApp();
        App app = createApp();
        Signup there = signUpGuest(other);
        User sameId = new User(there.user().id(), app.id(), UserType.NORMAL, false, T0, T0, Map.of(), List.of(guestIdentity()));

        List<ImportOutcome> outcomes = write(app, plain(sameId));

        assertThat(outcomes.get(0).kind()).isEqualTo(ImportOutcome.Kind.REFUSED);
        assertThat(store.users().find(other.id(), there.user().id())).contains(there.user());
        assertThat(store.users().find(app.id(), there.user().id())).isEmpty();
    }

    @Test
    void importUsersWhenTheEmailBelongsToAnotherAccountThenRefused() {
        App app = createApp();
        store.userpass().create(new UserpassAccount(ObjectIds.next(T0), app.id(), "ann@example.com", "$argon2id$x", true,
                null, null, T0));

        List<ImportOutcome> outcomes = write(app, emailUser(app, "ann@example.com"));

        assertThat(outcomes.get(0).kind()).isEqualTo(ImportOutcome.Kind.REFUSED);
        assertThat(outcomes.get(0).reason()).contains("ann@example.com");
    }

    @Test
    void importUsersWhenAnEarlierRecordOfTheBatchHasTheIdentityThenTheLaterIsRefused() {
        App app = createApp();
        Identity shared = identity(CUSTOM, "twice", Map.of());
        ImportedUser first = plain(exported(app, shared));
        ImportedUser second = plain(exported(app, identity(CUSTOM, "twice", Map.of())));

        List<ImportOutcome> outcomes = write(app, first, second);

        assertThat(outcomes.get(0)).isEqualTo(ImportOutcome.NEW);
        assertThat(outcomes.get(1).kind()).isEqualTo(ImportOutcome.Kind.REFUSED);
        assertThat(store.users().findByIdentity(app.id(), CUSTOM, "twice")).map(User::id).contains(first.user().id());
    }

    // ---------------------------------------------------------------- dry run

    @Test
    void importUsersInADryRunDecidesAsARunWouldAndWritesNothing() {
        App app = createApp();
        ImportedUser before = emailUser(app, "ann@example.com");
        write(app, before);
        signUp(newUser(app, identity(CUSTOM, "taken", Map.of())));
        ImportedUser fresh = emailUser(app, "bo@example.com");
        ImportedUser clash = plain(exported(app, identity(CUSTOM, "taken", Map.of())));

        List<ImportOutcome> outcomes = imports().importUsers(app.id(), List.of(before, fresh, clash), ImportMode.DRY_RUN);

        assertThat(outcomes).extracting(ImportOutcome::kind).containsExactly(ImportOutcome.Kind.UPDATED,
                ImportOutcome.Kind.NEW, ImportOutcome.Kind.REFUSED);
        assertThat(store.users().find(app.id(), fresh.user().id())).isEmpty();
        assertThat(store.userpass().findByEmail(app.id(), "bo@example.com")).isEmpty();
    }

    // ---------------------------------------------------------------- accounts without a password

    @Test
    void withoutPasswordListsTheAppsAccountsWithNoPasswordAndNoValidResetInIdOrderAfterTheCursor() {
        App app = createApp();
        App other = createApp();
        ImportedUser a = emailUser(app, "a@example.com");
        ImportedUser b = emailUser(app, "b@example.com");
        ImportedUser c = emailUser(app, "c@example.com");
        ImportedUser d = emailUser(app, "d@example.com");
        write(app, a, b, c, d);
        write(other, emailUser(other, "x@example.com"));
        Instant now = nextInstant();
        UserpassAccount withPassword = store.userpass().findByEmail(app.id(), "b@example.com").orElseThrow();
        store.userpass().update(withPassword.withPassword("$argon2id$set"), null);
        UserpassAccount invited = store.userpass().findByEmail(app.id(), "c@example.com").orElseThrow();
        store.userpass().update(invited.withReset(new PendingToken(ObjectIds.next(now), randomHex(32),
                now.plus(Duration.ofMinutes(30)))), null);
        UserpassAccount expired = store.userpass().findByEmail(app.id(), "d@example.com").orElseThrow();
        store.userpass().update(expired.withReset(new PendingToken(ObjectIds.next(now), randomHex(32),
                now.minus(Duration.ofMinutes(1)))), null);

        List<EmailAccount> all = imports().withoutPassword(app.id(), null, 10, now);

        assertThat(all).extracting(EmailAccount::email).containsExactlyInAnyOrder("a@example.com", "d@example.com");
        assertThat(all).extracting(EmailAccount::id).isSorted();
        assertThat(imports().withoutPassword(app.id(), null, 1, now)).containsExactly(all.get(0));
        assertThat(imports().withoutPassword(app.id(), all.get(0).id(), 10, now)).containsExactly(all.get(1));
    }
}
