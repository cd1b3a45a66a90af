package dev.atrium.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.password.PasswordHasher;
import dev.atrium.core.auth.password.TokenDelivery;
import dev.atrium.core.auth.password.UserpassService;
import dev.atrium.core.auth.password.UserpassSettings;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk invitation of imported e-mail users over the in-memory store: a reset token to every
 * account without a password, paced, each counted against its address's throttle; a second run
 * reaches only those whose token expired; too many failures in a row stop it.
 */
class PasswordInvitationsTest {
    final TestWorld world = new TestWorld();
    final App app = world.app("shop");
    final PasswordHasher hasher = new PasswordHasher(8192, 1, 1, 1, Duration.ofSeconds(5));
    final List<String> sent = new ArrayList<>();
    final List<Duration> pauses = new ArrayList<>();
    boolean deliveryFails;

    final TokenDelivery delivery = new TokenDelivery() {
        @Override
        public void send(String appId, UserpassSettings settings, String channel, Purpose purpose, String email,
                         String token, String tokenId) {
            if (deliveryFails) {
                throw new AuthException(ErrorCode.DeliveryFailed, "mail server answered 421");
            }
            sent.add(purpose + " " + email);
        }

        @Override
        public ResetDecision callReset(String appId, UserpassSettings settings, String email, String token, String tokenId,
                                       Object arguments) {
            return ResetDecision.FAIL;
        }
    };
    final UserpassService userpass = new UserpassService(world.apps, world.store.userpass(), hasher, delivery,
            world.store.users(), world.store.sessions(), new Throttle(Telemetry.NONE, world.clock), Runnable::run, world.clock);
    /** Runs each invitation run on the calling thread, so a test sees it done when start returns. */
    final PasswordInvitations invitations = new PasswordInvitations(world.store.imports(), userpass, Runnable::run,
            pauses::add, world.clock);

    @AfterEach
    void close() {
        hasher.close();
    }

    private void userpass(Map<String, Object> config) {
        world.store.apps().saveProvider(new ProviderConfig(ObjectIds.next(world.clock.instant()), app.id(), "local-userpass",
                true, config));
    }

    private void imported(String... emails) {
        List<ImportedUser> batch = new ArrayList<>();
        for (String email : emails) {
            String subject = ObjectIds.next(world.clock.instant());
            User u = new User(ObjectIds.next(world.clock.instant()), app.id(), UserType.NORMAL, false, world.clock.instant(),
                    world.clock.instant(), Map.of(), List.of(new Identity("local-userpass", subject, Map.of("email", email),
                    world.clock.instant())));
            batch.add(new ImportedUser(u, new EmailAccount(subject, email)));
        }
        world.store.imports().importUsers(app.id(), batch, ImportMode.WRITE);
    }

    @Test
    void startSendsAResetToEveryAccountWithoutPasswordPacedAtTheRate() {
        userpass(Map.of("reset", "webhook", "webhook_url", "https://shop.example/hook"));
        imported("a@example.com", "b@example.com", "c@example.com");

        InvitationStatus started = invitations.start(app.id(), 4);

        assertThat(sent).containsExactlyInAnyOrder("RESET a@example.com", "RESET b@example.com", "RESET c@example.com");
        assertThat(pauses).hasSize(3).allMatch(d -> d.equals(Duration.ofMillis(250)));
        assertThat(invitations.status(app.id())).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(InvitationStatus.State.FINISHED);
            assertThat(s.sent()).isEqualTo(3);
        });
        assertThat(started.perSecond()).isEqualTo(4);
    }

    @Test
    void aSecondRunReachesOnlyAccountsWhoseTokenExpired() {
        userpass(Map.of("reset", "webhook", "webhook_url", "https://shop.example/hook", "token_lifetime_s", 1800));
        imported("a@example.com");
        invitations.start(app.id(), 10);
        sent.clear();

        invitations.start(app.id(), 10);
        assertThat(sent).as("its token is still valid").isEmpty();
        world.clock.advance(Duration.ofMinutes(31));
        invitations.start(app.id(), 10);
        assertThat(sent).containsExactly("RESET a@example.com");
    }

    @Test
    void anAddressOverItsMessageQuotaIsSkippedAndCountedAsThrottled() {
        userpass(Map.of("reset", "webhook", "webhook_url", "https://shop.example/hook", "token_lifetime_s", 60));
        imported("a@example.com");
        for (int i = 0; i < 3; i++) { // the address's burst of 3 messages, then one an hour
            invitations.start(app.id(), 10);
            world.clock.advance(Duration.ofMinutes(2));
        }

        InvitationStatus fourth = invitations.start(app.id(), 10);

        assertThat(fourth.throttled()).isOne();
        assertThat(sent).hasSize(3);
    }

    @Test
    void tenFailedDeliveriesInARowStopTheRunAsFailed() {
        userpass(Map.of("reset", "webhook", "webhook_url", "https://shop.example/hook"));
        imported(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "u" + i + "@example.com").toArray(String[]::new));
        deliveryFails = true;

        invitations.start(app.id(), 10);

        assertThat(invitations.status(app.id())).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(InvitationStatus.State.FAILED);
            assertThat(s.failed()).isEqualTo(10);
            assertThat(s.lastError()).contains("10 deliveries failed in a row").contains("mail server answered 421");
        });
        assertThat(world.store.imports().withoutPassword(app.id(), null, 100, world.clock.instant()))
                .as("a failed delivery leaves its account as it was").hasSize(12);
    }

    @Test
    void startWhenTheAppCannotSendResetsOrTheRateIsOutOfRangeThenRefusedAndNothingSent() {
        userpass(Map.of("reset", "none"));
        imported("a@example.com");

        assertThatThrownBy(() -> invitations.start(app.id(), 10)).isInstanceOf(AuthException.class)
                .hasMessageContaining("password reset is not configured");
        assertThatThrownBy(() -> invitations.start(app.id(), 0)).isInstanceOf(AuthException.class)
                .hasMessageContaining("per_second must be 1..1000");
        assertThat(sent).isEmpty();
        assertThat(invitations.status(app.id())).isEmpty();
    }
}
