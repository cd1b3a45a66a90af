package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.ApiKey;
import dev.atrium.client.ApiKeyAuth;
import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.ServiceException;
import dev.atrium.client.User;
import dev.atrium.client.storage.InMemoryUserStorage;
import org.junit.jupiter.api.Test;

/** User API keys and logging in with them. Needs local-userpass and api-key. */
interface ApiKeyContract extends EndToEnd {

    /** A logged-in e-mail user (enables the providers these tests need). */
    private User emailUser() {
        return new Accounts(e2e()).emailUser(e2e().app(new InMemoryUserStorage()));
    }

    @Test
    default void apiKeysAreCreatedFetchedListedDisabledEnabledAndDeleted() {
        User user = emailUser();
        ApiKeyAuth keys = user.apiKeys();

        ApiKey created = keys.create("k1");
        assertThat(created.id()).matches("[0-9a-f]{24}");
        assertThat(created.key()).isNotBlank();
        assertThat(created.enabled()).isTrue();

        assertThat(keys.fetch(created.id())).contains(new ApiKey(created.id(), "k1", null, true));
        assertThat(keys.list()).containsExactly(new ApiKey(created.id(), "k1", null, true));

        keys.disable(created.id());
        assertThat(keys.fetch(created.id()).map(ApiKey::enabled)).contains(false);
        keys.enable(created.id());
        assertThat(keys.fetch(created.id()).map(ApiKey::enabled)).contains(true);

        keys.delete(created.id());
        assertThat(keys.fetch(created.id())).isEmpty();
        assertThat(keys.list()).isEmpty();
    }

    @Test
    default void apiKeyLogsInFromAFreshAppAsTheSameUser() {
        User user = emailUser();
        String secret = user.apiKeys().create("device").key();

        App fresh = e2e().app(new InMemoryUserStorage());
        User again = fresh.login(Credentials.apiKey(secret));

        assertThat(again.id()).isEqualTo(user.id());
        assertThat(again.providerType()).isEqualTo("api-key");
    }

    @Test
    default void disabledApiKeyCannotLogIn() {
        User user = emailUser();
        ApiKey key = user.apiKeys().create("k1");
        user.apiKeys().disable(key.id());

        App fresh = e2e().app(new InMemoryUserStorage());

        assertThatThrownBy(() -> fresh.login(Credentials.apiKey(key.key())))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.AuthError));
        assertThat(fresh.allUsers()).isEmpty();
    }

    @Test
    default void duplicateKeyNameIsRefusedWithAPIKeyAlreadyExists() {
        User user = emailUser();
        user.apiKeys().create("k1");

        assertThatThrownBy(() -> user.apiKeys().create("k1"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.APIKeyAlreadyExists);
                    assertThat(e.httpStatus()).isEqualTo(409);
                });
        assertThat(user.isLoggedIn()).isTrue();
    }
}
