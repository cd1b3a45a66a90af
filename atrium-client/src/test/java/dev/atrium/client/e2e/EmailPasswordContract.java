package dev.atrium.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.client.App;
import dev.atrium.client.Credentials;
import dev.atrium.client.ServiceException;
import dev.atrium.client.storage.InMemoryUserStorage;
import dev.atrium.client.testing.CountingTransport;
import org.junit.jupiter.api.Test;

/** The e-mail/password routes' refusals as the SDK surfaces them. Needs local-userpass. */
interface EmailPasswordContract extends EndToEnd {

    /** An App of the server's app, with local-userpass enabled. */
    private App app(CountingTransport http) {
        new Accounts(e2e());
        return e2e().app(new InMemoryUserStorage(), http);
    }

    private static ServiceException refusal(Runnable call) {
        try {
            call.run();
        } catch (ServiceException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    default void registeringAnAddressTwiceIsRefusedWithAccountNameInUse() {
        App app = app(e2e().counter());
        String email = Accounts.newEmail();
        app.emailPasswordAuth().registerUser(email, Accounts.PASSWORD);

        ServiceException e = refusal(() -> app.emailPasswordAuth().registerUser(email, Accounts.PASSWORD));

        assertThat(e).isInstanceOf(dev.atrium.client.UserAlreadyExistsException.class);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.AccountNameInUse);
        assertThat(e.httpStatus()).isEqualTo(409);
    }

    @Test
    default void wrongPasswordIsRefusedWithInvalidPasswordAndNeverRefreshes() {
        CountingTransport http = e2e().counter();
        Accounts accounts = new Accounts(e2e());
        App app = e2e().app(new InMemoryUserStorage(), http);
        String email = Accounts.newEmail();
        accounts.registerAndConfirm(app, email);

        ServiceException e = refusal(() -> app.login(Credentials.emailPassword(email, "wrong-password-9")));

        assertThat(e).isInstanceOf(dev.atrium.client.InvalidCredentialsException.class);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.InvalidPassword);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(http.count("POST", "/auth/session")).isZero();
        assertThat(app.allUsers()).isEmpty();
    }

    @Test
    default void confirmingWithABadTokenIsRefusedWithUserpassTokenInvalid() {
        App app = app(e2e().counter());
        app.emailPasswordAuth().registerUser(Accounts.newEmail(), Accounts.PASSWORD);

        assertThat(refusal(() -> app.emailPasswordAuth().confirmUser("bad-token", "bad-id")).errorCode())
                .isEqualTo(ErrorCode.UserpassTokenInvalid);
    }

    @Test
    default void tooShortPasswordIsRefusedWithBadRequest() {
        App app = app(e2e().counter());

        assertThatThrownBy(() -> app.emailPasswordAuth().registerUser(Accounts.newEmail(), "12345"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
}
