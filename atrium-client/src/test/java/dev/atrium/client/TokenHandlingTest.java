package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.testing.ScriptedServer.Answer;
import dev.atrium.client.testing.Tokens;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refresh, logout and custom data against answers a test chooses. */
class TokenHandlingTest {
    final ScriptedAtrium atrium = new ScriptedAtrium();

    @AfterEach
    void close() {
        atrium.close();
    }

    @Test
    void endlessUnauthorizedIsRefreshedOnceAndRetriedOnceNeverLooping() {
        User guest = atrium.app.login(Credentials.anonymous());
        atrium.server.on("GET", ScriptedAtrium.PROFILE, ScriptedAtrium.unauthorized());

        assertThatThrownBy(guest::refreshProfile)
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.httpStatus()).isEqualTo(401));

        assertThat(atrium.sent("GET", ScriptedAtrium.PROFILE)).isEqualTo(1 + 2);
        assertThat(atrium.sent("POST", ScriptedAtrium.SESSION)).isEqualTo(1);
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn); // the refresh itself was accepted
    }

    @Test
    void refreshRefusedWithAServerErrorKeepsTheUserAndReportsTheOriginal401() {
        User guest = atrium.app.login(Credentials.anonymous());
        atrium.server.on("GET", ScriptedAtrium.PROFILE, ScriptedAtrium.unauthorized());
        atrium.server.on("POST", ScriptedAtrium.SESSION,
                Answer.json(503, "{\"error\":\"store down\",\"error_code\":\"StoreUnavailable\"}"));

        assertThatThrownBy(guest::refreshProfile).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.InvalidSession);
            assertThat(e.getSuppressed()).singleElement()
                    .satisfies(s -> assertThat(((ServiceException) s).wireErrorCode()).isEqualTo("StoreUnavailable"));
        });
        assertThat(guest.state()).isEqualTo(UserState.LoggedIn);
    }

    @Test
    void unauthorizedAnswerToARefreshTokenRequestLogsTheGuestOut() {
        User guest = atrium.app.login(Credentials.anonymous());
        atrium.server.on("GET", ScriptedAtrium.CLIENT + "/auth/api_keys", ScriptedAtrium.unauthorized());

        assertThatThrownBy(() -> guest.apiKeys().list()).isInstanceOf(ServiceException.class);

        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(atrium.sent("POST", ScriptedAtrium.SESSION)).isZero();
    }

    @Test
    void logoutWhoseSessionIsAlreadyGoneIsNotReported() {
        User guest = atrium.app.login(Credentials.anonymous());
        atrium.server.on("DELETE", ScriptedAtrium.SESSION, ScriptedAtrium.unauthorized());

        guest.logOut();

        assertThat(guest.state()).isEqualTo(UserState.Removed);
    }

    @Test
    void logoutFailureIsThrownButTheLocalLogoutStands() {
        User guest = atrium.app.login(Credentials.anonymous());
        atrium.server.on("DELETE", ScriptedAtrium.SESSION,
                Answer.json(500, "{\"error\":\"boom\",\"error_code\":\"InternalServerError\"}"));

        assertThatThrownBy(guest::logOut).isInstanceOf(ServiceException.class);

        assertThat(guest.state()).isEqualTo(UserState.Removed);
        assertThat(atrium.storage.load().users()).isEmpty();
    }

    @Test
    void customDataIsTheUserDataClaimOfTheCurrentAccessToken() {
        AtomicInteger level = new AtomicInteger(1);
        atrium.server.on("POST", ScriptedAtrium.LOGIN, () -> Answer.json(200, ScriptedAtrium.loginBody(tokenWithLevel(level.get()),
                Tokens.valid(ScriptedAtrium.USER_ID))));
        atrium.server.on("POST", ScriptedAtrium.SESSION,
                () -> Answer.json(201, "{\"access_token\":\"" + tokenWithLevel(level.get()) + "\"}"));
        User user = atrium.app.login(Credentials.anonymous());
        assertThat(user.customData()).isEqualTo(Map.of("level", 1));

        level.set(2);

        assertThat(user.customData()).isEqualTo(Map.of("level", 1)); // no request until asked
        assertThat(user.refreshCustomData()).isEqualTo(Map.of("level", 2));
        assertThat(user.customData()).isEqualTo(Map.of("level", 2));
    }

    @Test
    void linkAnsweredForAnotherUserIsRefusedAndChangesNothing() {
        User guest = atrium.app.login(Credentials.anonymous());
        String before = guest.accessToken();
        atrium.server.on("POST", ScriptedAtrium.CLIENT + "/app/" + ScriptedAtrium.APP_ID + "/auth/providers/api-key/login",
                Answer.json(200, "{\"access_token\":\"" + Tokens.valid("x") + "\",\"user_id\":\"someone-else\"}"));

        assertThatThrownBy(() -> guest.linkCredentials(Credentials.apiKey("k")))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo(ClientErrorCode.MalformedJson));
        assertThat(guest.accessToken()).isEqualTo(before);
        assertThat(guest.isAnonymous()).isTrue();
    }

    @Test
    void apiKeysAreReadFromTheirWireForm() {
        User user = atrium.app.login(Credentials.anonymous());
        String keys = ScriptedAtrium.CLIENT + "/auth/api_keys";
        atrium.server.on("POST", keys, Answer.json(201, "{\"_id\":\"65f0c0ffee0123456789aaaa\",\"key\":\"s3cret\",\"name\":\"k1\",\"disabled\":false}"));
        atrium.server.on("GET", keys, Answer.json(200, "[{\"_id\":\"65f0c0ffee0123456789aaaa\",\"name\":\"k1\",\"disabled\":true}]"));
        atrium.server.on("GET", keys + "/65f0c0ffee0123456789bbbb",
                Answer.json(404, "{\"error\":\"api key not found\",\"error_code\":\"APIKeyNotFound\"}"));

        assertThat(user.apiKeys().create("k1")).isEqualTo(new ApiKey("65f0c0ffee0123456789aaaa", "k1", "s3cret", true));
        assertThat(user.apiKeys().list()).containsExactly(new ApiKey("65f0c0ffee0123456789aaaa", "k1", null, false));
        assertThat(user.apiKeys().fetch("65f0c0ffee0123456789bbbb")).isEmpty();
    }

    private static String tokenWithLevel(int level) {
        long now = System.currentTimeMillis() / 1000;
        return Tokens.withPayload("{\"sub\":\"" + ScriptedAtrium.USER_ID + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"user_data\":{\"level\":" + level + "}}");
    }
}
