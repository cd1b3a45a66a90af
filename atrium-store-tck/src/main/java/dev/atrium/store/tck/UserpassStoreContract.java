package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.auth.password.UserpassAccount.PendingToken;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.kernel.ObjectIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link UserpassStore}. Accounts stand alone: no user is needed to hold one. */
public abstract class UserpassStoreContract extends StoreContract {

    private UserpassStore accounts() {
        return store.userpass();
    }

    /** An Argon2id-shaped hash; the store keeps it as an opaque string. */
    private static String passwordHash() {
        return "$argon2id$v=19$m=19456,t=2,p=1$" + randomHex(16) + "$" + randomHex(32);
    }

    /** A new pending token, expiring a day after its (whole-millisecond) creation. */
    private PendingToken pendingToken() {
        Instant created = nextInstant();
        return new PendingToken(ObjectIds.next(created), randomHex(32), created.plus(Duration.ofDays(1)));
    }

    /** A new account (not stored) of the app, unconfirmed, with the given pending tokens. */
    private UserpassAccount account(App app, String email, PendingToken confirm, PendingToken reset) {
        Instant created = nextInstant();
        return new UserpassAccount(ObjectIds.next(created), app.id(), email, passwordHash(), false, confirm, reset,
                created);
    }

    /** Stores a new unconfirmed account with a pending confirmation token and no reset token. */
    private UserpassAccount created(App app, String email) {
        UserpassAccount account = account(app, email, pendingToken(), null);
        assertThat(accounts().create(account)).isTrue();
        return account;
    }

    // ---------------------------------------------------------------- create

    @Test
    void createThenFindByEmailReturnsTheAccountAsWritten() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", pendingToken(), pendingToken());

        assertThat(accounts().create(account)).isTrue();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(account);
    }

    @Test
    void createWithoutPendingTokensThenFoundWithNullTokens() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", null, null).withConfirmed(true, null);

        assertThat(accounts().create(account)).isTrue();

        UserpassAccount found = accounts().findByEmail(app.id(), "ada@example.com").orElseThrow();
        assertThat(found).isEqualTo(account);
        assertThat(found.confirmToken()).isNull();
        assertThat(found.resetToken()).isNull();
    }

    @Test
    void createWhenEmailTakenInTheAppThenFalseAndNothingWritten() {
        App app = createApp();
        UserpassAccount original = created(app, "ada@example.com");
        UserpassAccount late = account(app, "ada@example.com", pendingToken(), pendingToken());

        assertThat(accounts().create(late)).isFalse();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(original);
        assertThat(accounts().findByTokenId(app.id(), late.confirmToken().id())).isEmpty();
        assertThat(accounts().findByTokenId(app.id(), late.resetToken().id())).isEmpty();
        assertThat(accounts().update(late.withPassword(passwordHash()), null))
                .as("updating the refused account").isFalse();
    }

    @Test
    void createWhenEmailTakenInAnotherAppThenSucceeds() {
        App app = createApp();
        App other = createApp();
        UserpassAccount first = created(app, "ada@example.com");
        UserpassAccount second = account(other, "ada@example.com", pendingToken(), null);

        assertThat(accounts().create(second)).isTrue();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(first);
        assertThat(accounts().findByEmail(other.id(), "ada@example.com")).contains(second);
    }

    @Test
    void createConcurrentlyWithTheSameEmailThenExactlyOneWins() {
        App app = createApp();
        List<UserpassAccount> candidates = IntStream.range(0, THREADS)
                .mapToObj(i -> account(app, "race@example.com", pendingToken(), null)).toList();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> accounts().create(candidates.get(i)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        List<Integer> winners = IntStream.range(0, THREADS)
                .filter(i -> outcomes.get(i).value()).boxed().toList();
        assertThat(winners).as("threads whose create returned true").hasSize(1);
        UserpassAccount winner = candidates.get(winners.get(0));
        assertThat(accounts().findByEmail(app.id(), "race@example.com")).contains(winner);
        for (UserpassAccount loser : candidates) {
            if (loser != winner) {
                assertThat(accounts().findByTokenId(app.id(), loser.confirmToken().id())).isEmpty();
            }
        }
    }

    // ---------------------------------------------------------------- findByEmail

    @Test
    void findByEmailWhenUnknownThenEmpty() {
        App app = createApp();
        created(app, "ada@example.com");

        assertThat(accounts().findByEmail(app.id(), "grace@example.com")).isEmpty();
    }

    @Test
    void findByEmailWhenAccountBelongsToAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        created(app, "ada@example.com");

        assertThat(accounts().findByEmail(other.id(), "ada@example.com")).isEmpty();
    }

    // ---------------------------------------------------------------- findByTokenId

    @Test
    void findByTokenIdWhenConfirmTokenIsPendingThenReturnsTheAccount() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", pendingToken(), pendingToken());
        accounts().create(account);
        created(app, "grace@example.com");

        assertThat(accounts().findByTokenId(app.id(), account.confirmToken().id())).contains(account);
    }

    @Test
    void findByTokenIdWhenResetTokenIsPendingThenReturnsTheAccount() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", pendingToken(), pendingToken());
        accounts().create(account);
        created(app, "grace@example.com");

        assertThat(accounts().findByTokenId(app.id(), account.resetToken().id())).contains(account);
    }

    @Test
    void findByTokenIdWhenUnknownThenEmpty() {
        App app = createApp();
        created(app, "ada@example.com");

        assertThat(accounts().findByTokenId(app.id(), ObjectIds.next(T0))).isEmpty();
    }

    @Test
    void findByTokenIdWhenAccountBelongsToAnotherAppThenEmpty() {
        App app = createApp();
        App other = createApp();
        UserpassAccount account = created(app, "ada@example.com");

        assertThat(accounts().findByTokenId(other.id(), account.confirmToken().id())).isEmpty();
    }

    @Test
    void findByTokenIdWhenTheTokenWasClearedThenEmpty() {
        App app = createApp();
        UserpassAccount account = created(app, "ada@example.com");
        String tokenId = account.confirmToken().id();

        accounts().update(account.withConfirmed(true, null), tokenId);

        assertThat(accounts().findByTokenId(app.id(), tokenId)).isEmpty();
    }

    // ---------------------------------------------------------------- update

    @Test
    void updateWithoutConsumedTokenThenWritesPasswordConfirmedAndTokens() {
        App app = createApp();
        UserpassAccount account = created(app, "ada@example.com");
        PendingToken confirm = pendingToken();
        PendingToken reset = pendingToken();
        UserpassAccount changed = new UserpassAccount(account.id(), app.id(), account.email(), passwordHash(), true,
                confirm, reset, account.createdAt());

        assertThat(accounts().update(changed, null)).isTrue();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(changed);
        assertThat(accounts().findByTokenId(app.id(), account.confirmToken().id())).isEmpty();
        assertThat(accounts().findByTokenId(app.id(), confirm.id())).contains(changed);
        assertThat(accounts().findByTokenId(app.id(), reset.id())).contains(changed);
    }

    @Test
    void updateWritesOnlyPasswordConfirmedAndTokens() {
        App app = createApp();
        UserpassAccount account = created(app, "ada@example.com");
        PendingToken reset = pendingToken();
        String hash = passwordHash();
        UserpassAccount changed = new UserpassAccount(account.id(), app.id(), "grace@example.com", hash, true, null,
                reset, account.createdAt().plusSeconds(60));

        assertThat(accounts().update(changed, null)).isTrue();

        UserpassAccount expected = new UserpassAccount(account.id(), app.id(), "ada@example.com", hash, true, null,
                reset, account.createdAt());
        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(expected);
        assertThat(accounts().findByEmail(app.id(), "grace@example.com")).isEmpty();
    }

    @Test
    void updateWhenConsumedConfirmTokenIsPendingThenWrites() {
        App app = createApp();
        UserpassAccount account = created(app, "ada@example.com");
        UserpassAccount confirmed = account.withConfirmed(true, null);

        assertThat(accounts().update(confirmed, account.confirmToken().id())).isTrue();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(confirmed);
    }

    @Test
    void updateWhenConsumedResetTokenIsPendingThenWrites() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", pendingToken(), pendingToken());
        accounts().create(account);
        UserpassAccount reset = account.withPassword(passwordHash());

        assertThat(accounts().update(reset, account.resetToken().id())).isTrue();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(reset);
        assertThat(accounts().findByTokenId(app.id(), account.resetToken().id())).isEmpty();
        assertThat(accounts().findByTokenId(app.id(), account.confirmToken().id())).contains(reset);
    }

    @Test
    void updateWithTheSameConsumedTokenTwiceThenSecondIsFalseAndUnchanged() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", null, pendingToken());
        accounts().create(account);
        String tokenId = account.resetToken().id();
        UserpassAccount first = account.withPassword(passwordHash());

        assertThat(accounts().update(first, tokenId)).isTrue();
        assertThat(accounts().update(account.withPassword(passwordHash()), tokenId)).isFalse();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(first);
    }

    @Test
    void updateWhenConsumedTokenIsUnknownThenFalseAndUnchanged() {
        App app = createApp();
        UserpassAccount account = created(app, "ada@example.com");

        assertThat(accounts().update(account.withConfirmed(true, null), ObjectIds.next(T0))).isFalse();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(account);
    }

    @Test
    void updateWhenConsumedTokenIsPendingOnAnotherAccountThenFalseAndUnchanged() {
        App app = createApp();
        UserpassAccount account = created(app, "ada@example.com");
        UserpassAccount other = created(app, "grace@example.com");

        assertThat(accounts().update(account.withConfirmed(true, null), other.confirmToken().id())).isFalse();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(account);
        assertThat(accounts().findByEmail(app.id(), "grace@example.com")).contains(other);
    }

    @Test
    void updateWhenUnknownThenFalse() {
        App app = createApp();
        created(app, "ada@example.com");
        UserpassAccount never = account(app, "grace@example.com", pendingToken(), null);

        assertThat(accounts().update(never, null)).isFalse();
        assertThat(accounts().update(never, never.confirmToken().id())).isFalse();

        assertThat(accounts().findByEmail(app.id(), "grace@example.com")).isEmpty();
    }

    @Test
    void updateWhenAccountBelongsToAnotherAppThenFalseAndUnchanged() {
        App app = createApp();
        App other = createApp();
        UserpassAccount account = created(app, "ada@example.com");
        UserpassAccount elsewhere = new UserpassAccount(account.id(), other.id(), account.email(), passwordHash(),
                true, null, null, account.createdAt());

        assertThat(accounts().update(elsewhere, null)).isFalse();
        assertThat(accounts().update(elsewhere, account.confirmToken().id())).isFalse();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(account);
        assertThat(accounts().findByEmail(other.id(), "ada@example.com")).isEmpty();
    }

    @Test
    void updateConcurrentlyConsumingTheSameTokenThenExactlyOneWrites() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", null, pendingToken());
        accounts().create(account);
        String tokenId = account.resetToken().id();
        List<UserpassAccount> resets = IntStream.range(0, THREADS)
                .mapToObj(i -> account.withPassword(passwordHash())).toList();

        List<Outcome<Boolean>> outcomes = concurrently(THREADS, i -> accounts().update(resets.get(i), tokenId));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        List<Integer> winners = IntStream.range(0, THREADS)
                .filter(i -> outcomes.get(i).value()).boxed().toList();
        assertThat(winners).as("threads whose update returned true").hasSize(1);
        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(resets.get(winners.get(0)));
    }

    // ---------------------------------------------------------------- created with its user (by an operator)

    @Test
    void createWithUserStoresTheAccountTheUserHoldingItsIdentityAndAUserCreatedEvent() {
        App app = createApp();
        UserpassAccount account = account(app, "ada@example.com", null, null).withConfirmed(true, null);
        dev.atrium.core.users.User user = newUser(app, identity("local-userpass", account.id(), java.util.Map.of("email", "ada@example.com")));

        assertThat(accounts().createWithUser(account, user)).isTrue();

        assertThat(accounts().findByEmail(app.id(), "ada@example.com")).contains(account);
        assertThat(store.users().findByIdentity(app.id(), "local-userpass", account.id())).contains(user);
        var event = store.events().recent(app.id(), 1).getFirst();
        assertThat(event.type()).isEqualTo("user.created");
        assertThat(event.userId()).isEqualTo(user.id());
        assertThat(event.detail()).isEqualTo("local-userpass");
    }

    @Test
    void createWithUserWhenEmailTakenThenFalseAndNeitherAccountNorUserWritten() {
        App app = createApp();
        created(app, "ada@example.com");
        UserpassAccount late = account(app, "ada@example.com", null, null);
        dev.atrium.core.users.User user = newUser(app, identity("local-userpass", late.id(), java.util.Map.of("email", "ada@example.com")));

        assertThat(accounts().createWithUser(late, user)).isFalse();

        assertThat(store.users().find(app.id(), user.id())).isEmpty();
        assertThat(store.events().recent(app.id(), 10)).noneMatch(e -> e.userId().equals(user.id()));
    }
}
