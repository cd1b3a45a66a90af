package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeyStore}. Owners are written by sign-ups, as in the product. */
public abstract class ApiKeyStoreContract extends StoreContract {

    private ApiKeyStore keys() {
        return store.apiKeys();
    }

    /** A new enabled key (not stored) of the user, created at {@code createdAt}. */
    private static ApiKey key(User owner, String name, Instant createdAt) {
        return new ApiKey(ObjectIds.next(createdAt), owner.appId(), owner.id(), name, randomHex(32), false, createdAt);
    }

    /** Stores a new enabled key of the user, created at the next instant. */
    private ApiKey created(User owner, String name) {
        ApiKey key = key(owner, name, nextInstant());
        assertThat(keys().create(key)).isTrue();
        return key;
    }

    // ---------------------------------------------------------------- create

    @Test
    void createThenFindAndFindByHashReturnTheKeyAsWritten() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = key(owner, "ci", nextInstant());

        assertThat(keys().create(key)).isTrue();

        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
        assertThat(keys().findByHash(app.id(), key.keyHash())).contains(key);
        assertThat(keys().list(app.id(), owner.id())).containsExactly(key);
    }

    @Test
    void createDisabledThenFoundDisabled() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = key(owner, "ci", nextInstant()).withDisabled(true);

        assertThat(keys().create(key)).isTrue();

        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
    }

    @Test
    void createWhenUserHasAKeyOfThatNameThenFalseAndNothingWritten() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey original = created(owner, "ci");
        ApiKey late = key(owner, "ci", nextInstant());

        assertThat(keys().create(late)).isFalse();

        assertThat(keys().find(app.id(), owner.id(), late.id())).isEmpty();
        assertThat(keys().findByHash(app.id(), late.keyHash())).isEmpty();
        assertThat(keys().list(app.id(), owner.id())).containsExactly(original);
    }

    @Test
    void createWhenAnotherUserHasAKeyOfThatNameThenSucceeds() {
        App app = createApp();
        User first = signUpGuest(app).user();
        User second = signUpGuest(app).user();
        ApiKey firstKey = created(first, "ci");
        ApiKey secondKey = key(second, "ci", nextInstant());

        assertThat(keys().create(secondKey)).isTrue();

        assertThat(keys().list(app.id(), first.id())).containsExactly(firstKey);
        assertThat(keys().list(app.id(), second.id())).containsExactly(secondKey);
    }

    @Test
    void createConcurrentlyWithTheSameNameThenExactlyOneWins() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        List<ApiKey> candidates = IntStream.range(0, THREADS).mapToObj(i -> key(owner, "race", nextInstant())).toList();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> keys().create(candidates.get(i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        List<Integer> winners = IntStream.range(0, THREADS).filter(i -> outcomes.get(i).value()).boxed().toList();
        assertThat(winners).as("threads whose create returned true").hasSize(1);
        assertThat(keys().list(app.id(), owner.id())).containsExactly(candidates.get(winners.get(0)));
    }

    // ---------------------------------------------------------------- find

    @Test
    void findWhenUnknownThenEmpty() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        created(owner, "ci");

        assertThat(keys().find(app.id(), owner.id(), ObjectIds.next(T0))).isEmpty();
    }

    @Test
    void findWhenKeyBelongsToAnotherUserThenEmpty() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().find(app.id(), other.id(), key.id())).isEmpty();
    }

    @Test
    void findWhenKeyBelongsToAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().find(other.id(), owner.id(), key.id())).isEmpty();
    }

    // ---------------------------------------------------------------- findByHash

    @Test
    void findByHashReturnsTheKeyOfThatHashOnly() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        ApiKey first = created(owner, "first");
        ApiKey second = created(owner, "second");
        ApiKey third = created(other, "first");

        assertThat(keys().findByHash(app.id(), first.keyHash())).contains(first);
        assertThat(keys().findByHash(app.id(), second.keyHash())).contains(second);
        assertThat(keys().findByHash(app.id(), third.keyHash())).contains(third);
    }

    @Test
    void findByHashWhenUnknownThenEmpty() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        created(owner, "ci");

        assertThat(keys().findByHash(app.id(), randomHex(32))).isEmpty();
    }

    @Test
    void findByHashWhenKeyBelongsToAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().findByHash(other.id(), key.keyHash())).isEmpty();
    }

    // ---------------------------------------------------------------- list

    @Test
    void listWhenNoneThenEmpty() {
        App app = createApp();
        User owner = signUpGuest(app).user();

        assertThat(keys().list(app.id(), owner.id())).isEmpty();
    }

    @Test
    void listReturnsTheUsersKeysOldestFirst() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        ApiKey oldest = key(owner, "oldest", T0.minusSeconds(3600));
        ApiKey middle = key(owner, "middle", T0.minusSeconds(60));
        ApiKey newest = key(owner, "newest", T0);
        keys().create(middle);
        keys().create(newest);
        keys().create(oldest);
        created(other, "others");

        assertThat(keys().list(app.id(), owner.id())).containsExactly(oldest, middle, newest);
    }

    @Test
    void listWhenUserBelongsToAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        User owner = signUpGuest(app).user();
        created(owner, "ci");

        assertThat(keys().list(other.id(), owner.id())).isEmpty();
    }

    // ---------------------------------------------------------------- setDisabled

    @Test
    void setDisabledThenFindShowsItAndOnlyIt() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");
        ApiKey other = created(owner, "deploy");

        assertThat(keys().setDisabled(app.id(), owner.id(), key.id(), true)).isTrue();
        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key.withDisabled(true));
        assertThat(keys().findByHash(app.id(), key.keyHash())).contains(key.withDisabled(true));
        assertThat(keys().find(app.id(), owner.id(), other.id())).contains(other);

        assertThat(keys().setDisabled(app.id(), owner.id(), key.id(), false)).isTrue();
        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
    }

    @Test
    void setDisabledWhenUnknownThenFalse() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().setDisabled(app.id(), owner.id(), ObjectIds.next(T0), true)).isFalse();

        assertThat(keys().list(app.id(), owner.id())).containsExactly(key);
    }

    @Test
    void setDisabledWhenKeyBelongsToAnotherUserThenFalseAndUnchanged() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().setDisabled(app.id(), other.id(), key.id(), true)).isFalse();

        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
    }

    @Test
    void setDisabledWhenKeyBelongsToAnotherAppThenFalseAndUnchanged() {
        App app = createApp();
        App other = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().setDisabled(other.id(), owner.id(), key.id(), true)).isFalse();

        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deleteThenTrueAndTheKeyIsGone() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey kept = created(owner, "kept");
        ApiKey deleted = created(owner, "deleted");

        assertThat(keys().delete(app.id(), owner.id(), deleted.id())).isTrue();

        assertThat(keys().find(app.id(), owner.id(), deleted.id())).isEmpty();
        assertThat(keys().findByHash(app.id(), deleted.keyHash())).isEmpty();
        assertThat(keys().list(app.id(), owner.id())).containsExactly(kept);
    }

    @Test
    void deleteFreesTheNameForReuse() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey first = created(owner, "ci");
        keys().delete(app.id(), owner.id(), first.id());
        ApiKey second = key(owner, "ci", nextInstant());

        assertThat(keys().create(second)).isTrue();

        assertThat(keys().list(app.id(), owner.id())).containsExactly(second);
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().delete(app.id(), owner.id(), ObjectIds.next(T0))).isFalse();

        assertThat(keys().list(app.id(), owner.id())).containsExactly(key);
    }

    @Test
    void deleteTwiceThenSecondIsFalse() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().delete(app.id(), owner.id(), key.id())).isTrue();
        assertThat(keys().delete(app.id(), owner.id(), key.id())).isFalse();
    }

    @Test
    void deleteWhenKeyBelongsToAnotherUserThenFalseAndKept() {
        App app = createApp();
        User owner = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().delete(app.id(), other.id(), key.id())).isFalse();

        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
    }

    @Test
    void deleteWhenKeyBelongsToAnotherAppThenFalseAndKept() {
        App app = createApp();
        App other = createApp();
        User owner = signUpGuest(app).user();
        ApiKey key = created(owner, "ci");

        assertThat(keys().delete(other.id(), owner.id(), key.id())).isFalse();

        assertThat(keys().find(app.id(), owner.id(), key.id())).contains(key);
    }

    // ---------------------------------------------------------------- deleting the owner

    @Test
    void deletingTheUserDeletesItsKeysAndNoOneElses() {
        App app = createApp();
        User doomed = signUpGuest(app).user();
        User other = signUpGuest(app).user();
        ApiKey first = created(doomed, "first");
        ApiKey second = created(doomed, "second");
        ApiKey kept = created(other, "first");

        assertThat(store.users().delete(app.id(), doomed.id(), DeletionReason.SELF, nextInstant())).isTrue();

        assertThat(keys().list(app.id(), doomed.id())).isEmpty();
        for (ApiKey gone : List.of(first, second)) {
            assertThat(keys().find(app.id(), doomed.id(), gone.id())).isEmpty();
            assertThat(keys().findByHash(app.id(), gone.keyHash())).isEmpty();
        }
        assertThat(keys().list(app.id(), other.id())).containsExactly(kept);
        assertThat(keys().findByHash(app.id(), kept.keyHash())).contains(kept);
    }
}
