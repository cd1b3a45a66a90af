package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.testing.ScriptedServer.Answer;
import dev.atrium.client.testing.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How answers become typed exceptions, and that a failed login stores nothing. */
class ErrorAnswersTest {
    final ScriptedAtrium atrium = new ScriptedAtrium();

    @AfterEach
    void close() {
        atrium.close();
    }

    private ServiceException loginRefusal() {
        try {
            atrium.app.login(Credentials.anonymous());
        } catch (ServiceException e) {
            return e;
        }
        throw new AssertionError("the login was not refused");
    }

    @Test
    void errorWithoutJsonBodyKeepsItsStatusAsAppUnknownError() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, new Answer(502, "text/plain", "bad gateway", Map.of()));

        ServiceException e = loginRefusal();

        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.AppUnknownError);
        assertThat(e.wireErrorCode()).isNull();
        assertThat(e.serverMessage()).isEqualTo("HTTP 502");
    }

    @Test
    void unknownErrorCodeBecomesAppUnknownErrorAndKeepsTheWireName() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN,
                Answer.json(400, "{\"error\":\"something new\",\"error_code\":\"SomethingNew\",\"link\":\"urn:x\"}"));

        ServiceException e = loginRefusal();

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AppUnknownError);
        assertThat(e.wireErrorCode()).isEqualTo("SomethingNew");
        assertThat(e.serverMessage()).isEqualTo("something new");
        assertThat(e.link()).contains("urn:x");
        assertThat(e.getMessage()).contains("something new", "SomethingNew", "400");
    }

    @Test
    void jsonContentTypeWithParametersIsStillReadLikeRealmWeb() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, new Answer(401, "application/json; charset=utf-8",
                "{\"error\":\"user disabled\",\"error_code\":\"UserDisabled\"}", Map.of()));

        assertThat(loginRefusal().errorCode()).isEqualTo(ErrorCode.UserDisabled);
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, new Answer(429, "application/json",
                "{\"error\":\"slow down\",\"error_code\":\"TooManyRequests\"}", Map.of("Retry-After", "7")));

        ServiceException e = loginRefusal();

        assertThat(e).isInstanceOf(TooManyRequestsException.class);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.TooManyRequests);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void loginAnswerWithoutRefreshTokenIsMissingJsonKeyAndStoresNoUser() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, Answer.json(200, "{\"access_token\":\"" + Tokens.valid("u")
                + "\",\"user_id\":\"" + ScriptedAtrium.USER_ID + "\",\"device_id\":\"d\"}"));

        assertThatThrownBy(() -> atrium.app.login(Credentials.anonymous()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo(ClientErrorCode.MissingJsonKey));
        assertThat(atrium.storage.load().users()).isEmpty();
    }

    @Test
    void loginAnswerWithAMalformedTokenIsBadTokenAndStoresNoUser() {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, Answer.json(200, ScriptedAtrium.loginBody("not-a-jwt", Tokens.valid("u"))));

        assertThatThrownBy(() -> atrium.app.login(Credentials.anonymous()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo(ClientErrorCode.BadToken));
        assertThat(atrium.storage.load().users()).isEmpty();
    }

    @Test
    void failedProfileFetchFailsTheLoginAndStoresNoUser() {
        atrium.server.on("GET", ScriptedAtrium.PROFILE, Answer.json(500, "{\"error\":\"boom\",\"error_code\":\"InternalServerError\"}"));

        assertThat(loginRefusal().errorCode()).isEqualTo(ErrorCode.InternalServerError);
        assertThat(atrium.app.allUsers()).isEmpty();
    }

    @Test
    void locationWithoutHostnameIsMissingJsonKey() {
        atrium.server.on("GET", ScriptedAtrium.CLIENT + "/app/" + ScriptedAtrium.APP_ID + "/location",
                Answer.json(200, "{\"deployment_model\":\"GLOBAL\"}"));

        assertThatThrownBy(() -> atrium.app.login(Credentials.anonymous()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo(ClientErrorCode.MissingJsonKey));
    }

    @Test
    void emailPasswordRoutesPostTheirBodiesWithoutAuthorizationAndSurfaceRefusals() {
        String base = ScriptedAtrium.CLIENT + "/app/" + ScriptedAtrium.APP_ID + "/auth/providers/local-userpass/";
        atrium.server.on("POST", base + "register", new Answer(204, null, null, Map.of()));
        atrium.server.on("POST", base + "confirm", Answer.json(400, "{\"error\":\"invalid token data\",\"error_code\":\"UserpassTokenInvalid\"}"));

        atrium.app.emailPasswordAuth().registerUser("a@example.com", "secret12");

        assertThatThrownBy(() -> atrium.app.emailPasswordAuth().confirmUser("t", "tid"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UserpassTokenInvalid));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "401, InvalidPassword,   dev.atrium.client.InvalidCredentialsException",
        "409, AccountNameInUse,  dev.atrium.client.UserAlreadyExistsException",
        "409, LinkRefused,       dev.atrium.client.LinkRefusedException",
        "401, InvalidSession,    dev.atrium.client.SessionExpiredException",
        "429, TooManyRequests,   dev.atrium.client.TooManyRequestsException",
        "429, SomethingNew,      dev.atrium.client.TooManyRequestsException",
        "401, AuthError,         dev.atrium.client.ServiceException",
        "503, ServerBusy,        dev.atrium.client.ServiceException",
    })
    void commonRefusalsAreTheirOwnSubclass(int status, String code, String type) throws Exception {
        atrium.server.on("POST", ScriptedAtrium.LOGIN, new Answer(status, "application/json",
                "{\"error\":\"no\",\"error_code\":\"" + code + "\"}", Map.of("Retry-After", "3")));

        ServiceException e = loginRefusal();

        assertThat(e.getClass()).isEqualTo(Class.forName(type));
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.wireErrorCode()).isEqualTo(code);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }
}
