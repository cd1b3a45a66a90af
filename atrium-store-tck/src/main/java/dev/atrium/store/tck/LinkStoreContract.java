package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.ProviderAlreadyLinkedException;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link LinkStore}. Users are written by sign-ups, as in the product. */
public abstract class LinkStoreContract extends StoreContract {

    private LinkStore links() {
        return store.links();
    }

    /** An email/password identity of {@code email}, carrying it as provider data. */
    private Identity userpass(String email) {
        return identity("local-userpass", email.replace('@', '-'), Map.of("email", email));
    }

    /** {@code user} with {@code more} appended to its identities, everything else as it was. */
    private static User withIdentities(User user, Identity... more) {
        List<Identity> identities = new ArrayList<>(user.identities());
        identities.addAll(List.of(more));
        return new User(user.id(), user.appId(), user.type(), user.disabled(), user.createdAt(), user.lastActiveAt(),
                user.customData(), identities);
    }

    // ---------------------------------------------------------------- addIdentity

    @Test
    void addIdentityAppendsItAfterTheAnonymousIdentityAndTheUserIsNoLongerAnonymous() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");

        assertThat(links().addIdentity(app.id(), guest.id(), local)).isTrue();

        User linked = store.users().find(app.id(), guest.id()).orElseThrow();
        assertThat(linked).isEqualTo(withIdentities(guest, local));
        assertThat(linked.providerTypes()).containsExactly(User.ANON_PROVIDER, "local-userpass");
        assertThat(linked.isAnonymous()).isFalse();
    }

    @Test
    void addIdentityThenFindByIdentityFindsTheUserByEachOfItsIdentities() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");

        links().addIdentity(app.id(), guest.id(), local);

        User linked = withIdentities(guest, local);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject())).contains(linked);
        Identity anon = guest.identities().get(0);
        assertThat(store.users().findByIdentity(app.id(), anon.providerType(), anon.subject())).contains(linked);
    }

    @Test
    void addIdentitySeveralTimesKeepsTheIdentitiesInLinkOrder() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");
        Identity custom = identity("custom-token", "s0-custom", Map.of("name", "Ada", "verified", true));
        Identity apiKey = identity("api-key", "s5-key", Map.of());

        assertThat(links().addIdentity(app.id(), guest.id(), local)).isTrue();
        assertThat(links().addIdentity(app.id(), guest.id(), custom)).isTrue();
        assertThat(links().addIdentity(app.id(), guest.id(), apiKey)).isTrue();

        assertThat(store.users().find(app.id(), guest.id())).contains(withIdentities(guest, local, custom, apiKey));
    }

    @Test
    void addIdentityLeavesOtherUsersAlone() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        User other = signUpGuest(app).user();

        links().addIdentity(app.id(), guest.id(), userpass("ada@example.com"));

        assertThat(store.users().find(app.id(), other.id())).contains(other);
        assertThat(store.users().find(app.id(), other.id()).orElseThrow().isAnonymous()).isTrue();
    }

    @Test
    void addIdentityWhenTheIdentityIsHeldInAnotherAppThenSucceeds() {
        App app = createApp();
        App other = createApp();
        User holder = signUp(newUser(other, userpass("ada@example.com"))).user();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");

        assertThat(links().addIdentity(app.id(), guest.id(), local)).isTrue();

        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject()))
                .contains(withIdentities(guest, local));
        assertThat(store.users().findByIdentity(other.id(), "local-userpass", local.subject())).contains(holder);
    }

    @Test
    void addIdentityWhenAnotherUserSignedUpWithTheIdentityThenThrowsIdentityTakenAndWritesNothing() {
        App app = createApp();
        User holder = signUp(newUser(app, userpass("ada@example.com"))).user();
        User guest = signUpGuest(app).user();
        Identity taken = userpass("ada@example.com");

        assertThatThrownBy(() -> links().addIdentity(app.id(), guest.id(), taken))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", taken.subject())).contains(holder);
    }

    @Test
    void addIdentityWhenAnotherUserLinkedTheIdentityThenThrowsIdentityTakenAndWritesNothing() {
        App app = createApp();
        User first = signUpGuest(app).user();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");
        links().addIdentity(app.id(), first.id(), local);

        assertThatThrownBy(() -> links().addIdentity(app.id(), guest.id(), userpass("ada@example.com")))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject()))
                .contains(withIdentities(first, local));
    }

    @Test
    void addIdentityWhenAnotherUserHoldsItAsItsAnonymousIdentityThenThrowsIdentityTaken() {
        App app = createApp();
        User holder = signUpGuest(app).user();
        User user = signUp(newUser(app, userpass("ada@example.com"))).user();
        Identity taken = holder.identities().get(0);

        assertThatThrownBy(() -> links().addIdentity(app.id(), user.id(),
                identity(taken.providerType(), taken.subject(), Map.of())))
                .isInstanceOf(IdentityTakenException.class);

        assertThat(store.users().find(app.id(), user.id())).contains(user);
        assertThat(store.users().findByIdentity(app.id(), taken.providerType(), taken.subject())).contains(holder);
    }

    @Test
    void addIdentityWhenTheUserHasAnIdentityOfThatProviderThenThrowsProviderAlreadyLinkedAndWritesNothing() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity first = userpass("ada@example.com");
        links().addIdentity(app.id(), guest.id(), first);
        Identity second = userpass("grace@example.com");

        assertThatThrownBy(() -> links().addIdentity(app.id(), guest.id(), second))
                .isInstanceOf(ProviderAlreadyLinkedException.class);

        assertThat(store.users().find(app.id(), guest.id())).contains(withIdentities(guest, first));
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", second.subject())).isEmpty();
    }

    @Test
    void addIdentityOfTheAnonymousProviderToAGuestThenThrowsProviderAlreadyLinkedAndWritesNothing() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity second = guestIdentity();

        assertThatThrownBy(() -> links().addIdentity(app.id(), guest.id(), second))
                .isInstanceOf(ProviderAlreadyLinkedException.class);

        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.users().findByIdentity(app.id(), second.providerType(), second.subject())).isEmpty();
    }

    @Test
    void addIdentityWhenTheUserAlreadyHoldsTheIdentityThenRefusedAndNothingWritten() {
        // Both refusals describe this case (the app holds the identity, the user holds the provider);
        // the contract leaves which one is thrown to the store.
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");
        links().addIdentity(app.id(), guest.id(), local);

        assertThatThrownBy(() -> links().addIdentity(app.id(), guest.id(), userpass("ada@example.com")))
                .isInstanceOfAny(IdentityTakenException.class, ProviderAlreadyLinkedException.class);

        assertThat(store.users().find(app.id(), guest.id())).contains(withIdentities(guest, local));
    }

    @Test
    void addIdentityWhenUserIsUnknownThenFalseAndNothingWritten() {
        App app = createApp();
        signUpGuest(app);
        Identity local = userpass("ada@example.com");

        assertThat(links().addIdentity(app.id(), "000000000000000000000001", local)).isFalse();

        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject())).isEmpty();
    }

    @Test
    void addIdentityWhenUserBelongsToAnotherAppThenFalseAndNothingWritten() {
        App app = createApp();
        App other = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");

        assertThat(links().addIdentity(other.id(), guest.id(), local)).isFalse();

        assertThat(store.users().find(app.id(), guest.id())).contains(guest);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject())).isEmpty();
        assertThat(store.users().findByIdentity(other.id(), "local-userpass", local.subject())).isEmpty();
    }

    @Test
    void addIdentityThenDeletingTheUserFreesTheLinkedIdentity() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("ada@example.com");
        links().addIdentity(app.id(), guest.id(), local);
        store.users().delete(app.id(), guest.id(), DeletionReason.SELF, nextInstant());
        User next = signUpGuest(app).user();

        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject())).isEmpty();
        assertThat(links().addIdentity(app.id(), next.id(), userpass("ada@example.com"))).isTrue();

        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject()).orElseThrow().id())
                .isEqualTo(next.id());
    }

    // ---------------------------------------------------------------- races

    @Test
    void addIdentityConcurrentlyByDifferentGuestsWithTheSameIdentityThenExactlyOneWins() {
        App app = createApp();
        List<User> guests = IntStream.range(0, THREADS).mapToObj(i -> signUpGuest(app).user()).toList();
        List<Identity> candidates = IntStream.range(0, THREADS).mapToObj(i -> userpass("race@example.com")).toList();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS,
                i -> links().addIdentity(app.id(), guests.get(i).id(), candidates.get(i)));

        List<Integer> winners = IntStream.range(0, THREADS).filter(i -> outcomes.get(i).succeeded()).boxed().toList();
        assertThat(winners).as("threads whose link succeeded").hasSize(1);
        int winner = winners.get(0);
        assertThat(outcomes.get(winner).value()).isTrue();
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(IdentityTakenException.class));
        User expected = withIdentities(guests.get(winner), candidates.get(winner));
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", candidates.get(winner).subject()))
                .contains(expected);
        for (int i = 0; i < THREADS; i++) {
            if (i != winner) {
                assertThat(store.users().find(app.id(), guests.get(i).id())).contains(guests.get(i));
            }
        }
    }

    @Test
    void addIdentityConcurrentlyByOneGuestWithIdentitiesOfOneProviderThenExactlyOneIsAdded() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        List<Identity> candidates = IntStream.range(0, THREADS)
                .mapToObj(i -> userpass("race" + i + "@example.com")).toList();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS,
                i -> links().addIdentity(app.id(), guest.id(), candidates.get(i)));

        List<Integer> winners = IntStream.range(0, THREADS).filter(i -> outcomes.get(i).succeeded()).boxed().toList();
        assertThat(winners).as("threads whose link succeeded").hasSize(1);
        int winner = winners.get(0);
        assertThat(outcomes.get(winner).value()).isTrue();
        assertThat(outcomes).filteredOn(o -> !o.succeeded())
                .allSatisfy(o -> assertThat(o.error()).isInstanceOf(ProviderAlreadyLinkedException.class));
        assertThat(store.users().find(app.id(), guest.id())).contains(withIdentities(guest, candidates.get(winner)));
        for (int i = 0; i < THREADS; i++) {
            if (i != winner) {
                assertThat(store.users().findByIdentity(app.id(), "local-userpass", candidates.get(i).subject()))
                        .isEmpty();
            }
        }
    }

    @Test
    void addIdentityConcurrentlyByOneGuestWithTheSameIdentityThenItIsAddedOnce() {
        App app = createApp();
        User guest = signUpGuest(app).user();
        Identity local = userpass("race@example.com");

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> links().addIdentity(app.id(), guest.id(), local));

        List<Integer> winners = IntStream.range(0, THREADS).filter(i -> outcomes.get(i).succeeded()).boxed().toList();
        assertThat(winners).as("threads whose link succeeded").hasSize(1);
        assertThat(outcomes.get(winners.get(0)).value()).isTrue();
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o -> assertThat(o.error())
                .isInstanceOfAny(IdentityTakenException.class, ProviderAlreadyLinkedException.class));
        User expected = withIdentities(guest, local);
        assertThat(store.users().find(app.id(), guest.id())).contains(expected);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", local.subject())).contains(expected);
    }
}
