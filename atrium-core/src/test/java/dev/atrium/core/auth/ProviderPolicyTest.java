package dev.atrium.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.TooManyRequestsException;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * AuthService and AccountService follow each provider's declared policy, not its name: two test
 * providers (a "kiosk" that behaves like guests, a "badge" that is a lasting identity) get the
 * treatment their policy names.
 */
class ProviderPolicyTest {
    static final ProviderPolicy KIOSK = new ProviderPolicy(ProviderPolicy.Admission.GUEST_LIMITS,
            ProviderPolicy.Linking.refused("kiosk sessions stay on the kiosk"), ProviderPolicy.Logout.DELETES_USER);

    /** Proves {@code id}; counts how often its credentials were read. */
    static final class TestProvider implements AuthProvider<String> {
        final String type;
        final ProviderPolicy policy;
        final AtomicInteger reads = new AtomicInteger();

        TestProvider(String type, ProviderPolicy policy) {
            this.type = type;
            this.policy = policy;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public String description() {
            return "a test provider";
        }

        @Override
        public ProviderPolicy policy() {
            return policy;
        }

        @Override
        public ProviderSettings settings() {
            return ProviderSettings.none(type);
        }

        @Override
        public String credentials(RequestFields body) {
            reads.incrementAndGet();
            return body.nonEmptyString("id");
        }

        @Override
        public Authenticator<String> authenticator(ProviderContext context) {
            return (app, config, id, now) -> new Resolution(new Identity(type, id, Map.of(), now),
                    context.users().findByIdentity(app.id(), type, id).map(User::id).orElse(null));
        }
    }

    final TestProvider kiosk = new TestProvider("kiosk", KIOSK);
    final TestProvider badge = new TestProvider("badge", ProviderPolicy.LASTING_IDENTITY);
    final Fixture f = new Fixture(kiosk, badge);

    private LoginResponse login(String type, String id) {
        return f.auth.login(f.app.id(), type, RequestFields.of(Map.of("id", id)), null, "203.0.113.7");
    }

    private void limits(int guestBurst, int networkBurst) {
        f.store.apps().updateSettings(f.app.id(), AppSettings.fromMap(Map.of("guest_burst", guestBurst,
                "network_burst", networkBurst)));
    }

    @Test
    void loginWhenPolicyIsGuestLimitsThenTheGuestAdmissionLimitAppliesNotTheNetworkThrottle() {
        limits(1, 1);
        login("kiosk", "k1");

        assertThatThrownBy(() -> login("kiosk", "k2")).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("guest sign-ups");
        login("badge", "b1"); // the network throttle was not spent by the kiosk logins
    }

    @Test
    void loginWhenPolicyIsNetworkThrottleThenTheNetworkThrottleAppliesNotTheGuestLimit() {
        limits(1, 1);
        login("badge", "b1");

        assertThatThrownBy(() -> login("badge", "b1")).isInstanceOf(TooManyRequestsException.class)
                .hasMessageContaining("too many requests from this network");
        login("kiosk", "k1"); // the guest limit was not spent by the badge logins
    }

    @Test
    void linkWhenPolicyRefusesLinkingThenLinkRefusedWithItsReasonBeforeCredentialsAreRead() {
        LoginResponse user = login("badge", "b1");
        int before = kiosk.reads.get();

        assertThatThrownBy(() -> f.auth.link(f.app.id(), "kiosk", RequestFields.of(Map.of("id", "k1")),
                f.gate.access(user.accessToken()), "203.0.113.7"))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LinkRefused);
                    assertThat(e.getMessage()).isEqualTo("link refused: kiosk sessions stay on the kiosk");
                });
        assertThat(kiosk.reads.get()).isEqualTo(before);
    }

    @Test
    void linkWhenPolicyAllowsLinkingThenTheIdentityJoinsTheUser() {
        LoginResponse guest = login("kiosk", "k1");

        f.auth.link(f.app.id(), "badge", RequestFields.of(Map.of("id", "b1")), f.gate.access(guest.accessToken()), "203.0.113.7");

        assertThat(f.store.users().find(f.app.id(), guest.userId()).orElseThrow().providerTypes())
                .containsExactly("kiosk", "badge");
    }

    @Test
    void logoutWhenEveryIdentityIsOfADeletingProviderThenUserIsDeleted() {
        LoginResponse r = login("kiosk", "k1");

        f.accounts.logout(r.refreshToken());

        assertThat(f.store.users().find(f.app.id(), r.userId())).isEmpty();
    }

    @Test
    void logoutWhenOneIdentityIsLastingThenOnlyTheSessionEnds() {
        LoginResponse r = login("kiosk", "k1");
        f.auth.link(f.app.id(), "badge", RequestFields.of(Map.of("id", "b1")), f.gate.access(r.accessToken()), "203.0.113.7");

        f.accounts.logout(r.refreshToken());

        assertThat(f.store.users().find(f.app.id(), r.userId())).isPresent();
        assertThatThrownBy(() -> f.accounts.refresh(r.refreshToken())).isInstanceOfSatisfying(AuthException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.InvalidSession));
    }
}
