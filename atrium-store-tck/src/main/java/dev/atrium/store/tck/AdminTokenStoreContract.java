package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.admin.AdminToken;
import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.kernel.ObjectIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The contract of {@link AdminTokenStore}. */
public abstract class AdminTokenStoreContract extends StoreContract {

    private AdminTokenStore tokens() {
        return store.adminTokens();
    }

    private static AdminToken token(String name, Instant createdAt) {
        return new AdminToken(ObjectIds.next(createdAt), name, randomHex(32), createdAt);
    }

    @Test
    void insertThenFindByHashReturnsTheTokenAsWritten() {
        AdminToken token = token("ci", nextInstant());

        tokens().insert(token);

        assertThat(tokens().findByHash(token.tokenHash())).contains(token);
    }

    @Test
    void findByHashWhenUnknownThenEmpty() {
        tokens().insert(token("ci", nextInstant()));

        assertThat(tokens().findByHash(randomHex(32))).isEmpty();
    }

    @Test
    void insertWhenIdExistsThenThrowsIllegalStateAndKeepsTheOriginal() {
        AdminToken original = token("original", nextInstant());
        tokens().insert(original);
        AdminToken duplicate = new AdminToken(original.id(), "duplicate", randomHex(32), nextInstant());

        assertThatThrownBy(() -> tokens().insert(duplicate)).isInstanceOf(IllegalStateException.class);

        assertThat(tokens().findByHash(duplicate.tokenHash())).isEmpty();
        assertThat(tokens().list()).containsExactly(original);
    }

    @Test
    void listWhenNoneThenEmpty() {
        assertThat(tokens().list()).isEmpty();
    }

    @Test
    void listReturnsTokensOldestFirst() {
        AdminToken oldest = token("oldest", T0.minusSeconds(3600));
        AdminToken middle = token("middle", T0.minusSeconds(60));
        AdminToken newest = token("newest", T0);
        tokens().insert(middle);
        tokens().insert(newest);
        tokens().insert(oldest);

        assertThat(tokens().list()).containsExactly(oldest, middle, newest);
    }

    @Test
    void revokeThenTrueAndTheTokenIsGone() {
        AdminToken kept = token("kept", nextInstant());
        AdminToken revoked = token("revoked", nextInstant());
        tokens().insert(kept);
        tokens().insert(revoked);

        assertThat(tokens().revoke(revoked.id())).isTrue();

        assertThat(tokens().findByHash(revoked.tokenHash())).isEmpty();
        assertThat(tokens().findByHash(kept.tokenHash())).contains(kept);
        assertThat(tokens().list()).containsExactly(kept);
    }

    @Test
    void revokeWhenUnknownThenFalse() {
        AdminToken kept = token("kept", nextInstant());
        tokens().insert(kept);

        assertThat(tokens().revoke(ObjectIds.next(T0))).isFalse();

        assertThat(tokens().list()).containsExactly(kept);
    }

    @Test
    void revokeTwiceThenSecondIsFalse() {
        AdminToken token = token("once", nextInstant());
        tokens().insert(token);

        assertThat(tokens().revoke(token.id())).isTrue();
        assertThat(tokens().revoke(token.id())).isFalse();
    }
}
