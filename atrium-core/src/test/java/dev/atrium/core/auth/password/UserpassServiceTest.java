package dev.atrium.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.MutableClock;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.store.memory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The email/password provider over the in-memory store: registration, confirmation and reset from
 * the token the receiver got, and the token requests: what is sent, when, and what stays.
 */
class UserpassServiceTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final InMemoryStore store = new InMemoryStore();
    final App app = Apps.newApp("test", clock.instant());
    final PasswordHasher hasher = new PasswordHasher(8192, 1, 1, 1, Duration.ofSeconds(5));
    final List<String> sent = new ArrayList<>();
    /** The last token delivered, as the receiver gets it: {token, tokenId}. */
    String[] lastToken;
    /** Work the service hands to run after its answer; a test runs it when it chooses. */
    final Queue<Runnable> afterAnswer = new ArrayDeque<>();
    boolean deliveryFails;

    final TokenDelivery delivery = new TokenDelivery() {
        @Override
        public void send(String appId, UserpassSettings settings, String channel, Purpose purpose, String email,
                         String token, String tokenId) {
            if (deliveryFails) {
                throw new AuthException(ErrorCode.DeliveryFailed, "webhook answered HTTP 500");
            }
            sent.add(purpose + " " + email + " " + tokenId);
            lastToken = new String[] {token, tokenId};
        }

        @Override
        public ResetDecision callReset(String appId, UserpassSettings settings, String email, String token, String tokenId,
                                       Object arguments) {
            sent.add("RESET_FUNCTION " + email);
            return ResetDecision.PENDING;
        }
    };

    final UserpassService service = new UserpassService(new AppDirectory(store.apps(), clock, Duration.ZERO),
            store.userpass(), hasher, delivery, store.users(), store.sessions(), new Throttle(Telemetry.NONE, clock),
            afterAnswer::add, clock);

    UserpassServiceTest() {
        store.apps().create(app, Apps.defaultProviders(app, clock.instant()));
        store.userpass().create(new UserpassAccount(ObjectIds.next(clock.instant()), app.id(), "ann@example.com",
                "$argon2id$not-checked-here", true, null, null, clock.instant()));
    }

    @AfterEach
    void close() {
        hasher.close();
    }

    private void provider(boolean reveal) {
        store.apps().saveProvider(new ProviderConfig(ObjectIds.next(clock.instant()), app.id(), "local-userpass", true,
                Map.of("reset", "webhook", "confirmation", "webhook", "webhook_url", "https://app.example/hook",
                        "reveal_unknown_email", reveal)));
    }

    private static RequestFields email(String address) {
        return RequestFields.of(Map.of("email", address, "password", "newpass1"));
    }

    private void runAfterAnswer() {
        while (!afterAnswer.isEmpty()) {
            afterAnswer.poll().run();
        }
    }

    private String resetTokenId() {
        var token = store.userpass().findByEmail(app.id(), "ann@example.com").orElseThrow().resetToken();
        return token == null ? null : token.id();
    }

    @Test
    void byDefaultATokenRequestAnswersBeforeTheAccountIsLookedUpAndSendsOnlyToAKnownAddress() {
        provider(false);

        service.sendReset(app.id(), email("ann@example.com"), "10.0.0.1");
        service.sendReset(app.id(), email("nobody@example.com"), "10.0.0.1");

        assertThat(sent).as("nothing is sent before the answer").isEmpty();
        assertThat(afterAnswer).hasSize(2);
        runAfterAnswer();
        assertThat(sent).singleElement().asString().startsWith("RESET ann@example.com ");
    }

    @Test
    void byDefaultTheResetFunctionIsNotCalledForAnUnknownAddress() {
        provider(false);

        service.callReset(app.id(), email("nobody@example.com"), "10.0.0.1");

        assertThat(sent).isEmpty();
    }

    @Test
    void whenTheAppRevealsUnknownAddressesTheyAreUserNotFoundAndDeliveryHappensBeforeTheAnswer() {
        provider(true);

        service.sendReset(app.id(), email("ann@example.com"), "10.0.0.1");

        assertThat(sent).hasSize(1);
        assertThat(afterAnswer).isEmpty();
        assertThatThrownBy(() -> service.sendReset(app.id(), email("nobody@example.com"), "10.0.0.1"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UserNotFound));
        assertThatThrownBy(() -> service.resendConfirmation(app.id(), email("ann@example.com"), "10.0.0.1"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UserAlreadyConfirmed));
    }

    @Test
    void theTokenIsStoredBeforeItIsSentAndAFailedSendPutsTheAccountBackAsItWas() {
        provider(true);
        service.sendReset(app.id(), email("ann@example.com"), "10.0.0.1");
        String first = resetTokenId();
        assertThat(sent.get(0)).endsWith(first);

        deliveryFails = true;
        assertThatThrownBy(() -> service.sendReset(app.id(), email("ann@example.com"), "10.0.0.1"))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DeliveryFailed));

        assertThat(resetTokenId()).as("the link of the first mail still works").isEqualTo(first);
    }

    private static RequestFields tokenBody(String[] token, String password) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("token", token[0], "tokenId", token[1]));
        if (password != null) {
            body.put("password", password);
        }
        return RequestFields.of(body);
    }

    private UserpassAccount account(String address) {
        return store.userpass().findByEmail(app.id(), address).orElseThrow();
    }

    private static void refused(Runnable call, ErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void registerWithWebhookConfirmationThenUnconfirmedUntilTheDeliveredTokenConfirmsItOnce() {
        provider(false);

        service.register(app.id(), email("bob@example.com"), "10.0.0.1");
        assertThat(account("bob@example.com").confirmed()).isFalse();
        assertThat(sent).singleElement().asString().startsWith("CONFIRM bob@example.com ");

        service.confirm(app.id(), tokenBody(lastToken, null), "10.0.0.1");

        assertThat(account("bob@example.com").confirmed()).isTrue();
        refused(() -> service.confirm(app.id(), tokenBody(lastToken, null), "10.0.0.1"), ErrorCode.UserpassTokenInvalid);
    }

    @Test
    void registerWhenTheAddressHasAnAccountThenAccountNameInUseAndNothingSent() {
        provider(false);

        refused(() -> service.register(app.id(), email("ann@example.com"), "10.0.0.1"), ErrorCode.AccountNameInUse);
        assertThat(sent).isEmpty();
    }

    @Test
    void registerWhenThePasswordIsTooShortThenRefusedAndNoAccount() {
        provider(false);
        var body = RequestFields.of(Map.of("email", "carl@example.com", "password", "12345"));

        assertThatThrownBy(() -> service.register(app.id(), body, "10.0.0.1")).isInstanceOf(AuthException.class)
                .hasMessageContaining("password must be between 6 and 128 characters");
        assertThat(store.userpass().findByEmail(app.id(), "carl@example.com")).isEmpty();
    }

    @Test
    void confirmWhenTheTokenIsWrongThenUserpassTokenInvalidAndStillUnconfirmed() {
        provider(false);
        service.register(app.id(), email("bob@example.com"), "10.0.0.1");

        refused(() -> service.confirm(app.id(), tokenBody(new String[] {"wrong-token", lastToken[1]}, null), "10.0.0.1"),
                ErrorCode.UserpassTokenInvalid);
        assertThat(account("bob@example.com").confirmed()).isFalse();
    }

    @Test
    void resetWithTheDeliveredTokenThenTheNewPasswordIsSetAndTheTokenIsSpent() {
        provider(true);
        String before = account("ann@example.com").passwordHash();
        service.sendReset(app.id(), email("ann@example.com"), "10.0.0.1");

        service.reset(app.id(), tokenBody(lastToken, "brand-new-pass"), "10.0.0.1");

        assertThat(account("ann@example.com").passwordHash()).isNotEqualTo(before);
        assertThat(hasher.verify("brand-new-pass", account("ann@example.com").passwordHash())).isTrue();
        refused(() -> service.reset(app.id(), tokenBody(lastToken, "another-pass"), "10.0.0.1"), ErrorCode.UserpassTokenInvalid);
    }

    @Test
    void resetWhenTheTokenExpiredThenUserpassTokenInvalidAndThePasswordStays() {
        provider(true);
        String before = account("ann@example.com").passwordHash();
        service.sendReset(app.id(), email("ann@example.com"), "10.0.0.1");

        clock.advance(Duration.ofMinutes(31));

        refused(() -> service.reset(app.id(), tokenBody(lastToken, "brand-new-pass"), "10.0.0.1"), ErrorCode.UserpassTokenInvalid);
        assertThat(account("ann@example.com").passwordHash()).isEqualTo(before);
    }
}
