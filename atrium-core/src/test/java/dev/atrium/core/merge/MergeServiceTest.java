package dev.atrium.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.admission.Throttle;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AccessCaller;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.GuestLimits;
import dev.atrium.core.auth.IdentityHeldException;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.auth.SessionGate;
import dev.atrium.core.auth.anonymous.AnonymousProvider;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** MergeService on the in-memory store: who is offered a ticket, and what a merge does or refuses. */
class MergeServiceTest {
    static final String BADGE = "badge";
    static final String NET = "203.0.113.7";

    /** Proves the identity {@code id} of its own type; {@code "wrong"} is refused as bad credentials. */
    static final class BadgeProvider implements AuthProvider<String> {
        @Override
        public String type() {
            return BADGE;
        }

        @Override
        public String description() {
            return "a test provider";
        }

        @Override
        public ProviderSettings settings() {
            return ProviderSettings.none(BADGE);
        }

        @Override
        public String credentials(RequestFields body) {
            return body.nonEmptyString("id");
        }

        @Override
        public Authenticator<String> authenticator(ProviderContext context) {
            return (app, config, id, now) -> {
                if (id.equals("wrong")) {
                    throw new AuthException(ErrorCode.AuthError, "badge refused");
                }
                return new Resolution(new Identity(BADGE, id, Map.of(), now),
                        context.users().findByIdentity(app.id(), BADGE, id).map(User::id).orElse(null));
            };
        }
    }

    final TestWorld world = new TestWorld();
    final App app = Apps.newApp("merge", world.clock.instant());
    final ProviderRegistry providers = ProviderRegistry.of(List.of(new AnonymousProvider(), new BadgeProvider()));
    final AuthService auth = new AuthService(world.apps, providers, ProviderContext.builder(world.store.users(), world.clock).build(),
            world.store.users(), world.store.sessions(), world.store.signups(), world.store.links(), world.tokens,
            GuestLimits.byStore(), new Throttle(Telemetry.NONE, world.clock), Telemetry.NONE, world.clock);
    final SessionGate gate = new SessionGate(world.apps, world.store.users(), world.store.sessions(), world.tokens, world.clock);
    final MergeService merges = new MergeService(auth, world.store.merges(), world.store.users(), world.tokens, Telemetry.NONE,
            world.clock);

    MergeServiceTest() {
        List<ProviderConfig> configs = new ArrayList<>(Apps.defaultProviders(app, world.clock.instant()));
        configs.add(new ProviderConfig(ObjectIds.next(world.clock.instant()), app.id(), BADGE, true, Map.of()));
        world.store.apps().create(app, configs);
    }

    private LoginResponse guest() {
        return auth.login(app.id(), "anon-user", RequestFields.empty(), null, NET);
    }

    /** The user holding badge {@code id}: a guest that linked it. */
    private LoginResponse holder(String id) {
        LoginResponse g = guest();
        merges.link(app.id(), BADGE, badge(id), caller(g), NET);
        return g;
    }

    private static RequestFields badge(String id) {
        return RequestFields.of(Map.of("id", id));
    }

    private AccessCaller caller(LoginResponse r) {
        return gate.access(r.accessToken());
    }

    /** The ticket a guest gets when it links badge {@code id}, held by another user. */
    private String ticket(LoginResponse guest, String id) {
        try {
            merges.link(app.id(), BADGE, badge(id), caller(guest), NET);
        } catch (MergeOfferedException offered) {
            return offered.ticket();
        }
        throw new AssertionError("no merge offered");
    }

    private static void refused(Executable call, ErrorCode code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private User user(String id) {
        return world.store.users().find(app.id(), id).orElse(null);
    }

    private void keepMergedGuests() {
        world.store.apps().updateSettings(app.id(), app.settings().withMergedGuest(MergedGuest.KEEP));
    }

    // ---------------------------------------------------------------- the offer

    @Test
    void linkWhenAGuestProvesAnIdentityAnotherUserHoldsThenTheSameRefusalCarriesATicket() {
        holder("ada");
        LoginResponse g = guest();
        User before = user(g.userId());

        assertThatThrownBy(() -> merges.link(app.id(), BADGE, badge("ada"), caller(g), NET))
                .isInstanceOfSatisfying(MergeOfferedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.LinkRefused);
                    assertThat(e.getMessage()).isEqualTo("link refused: this badge identity already belongs to another user");
                    assertThat(e.ticket()).hasSizeGreaterThanOrEqualTo(40);
                });
        assertThat(user(g.userId())).isEqualTo(before);
    }

    @Test
    void linkWhenALinkedUserProvesAnIdentityAnotherUserHoldsThenNoTicket() {
        holder("ada");
        LoginResponse linked = holder("bob");

        assertThatThrownBy(() -> merges.link(app.id(), BADGE, badge("ada"), caller(linked), NET))
                .isExactlyInstanceOf(IdentityHeldException.class);
    }

    @Test
    void linkWhenTheCredentialsAreWrongThenNoTicket() {
        LoginResponse g = guest();

        assertThatThrownBy(() -> merges.link(app.id(), BADGE, badge("wrong"), caller(g), NET))
                .isNotInstanceOf(MergeOfferedException.class)
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LinkRefused));
    }

    // ---------------------------------------------------------------- the merge

    @Test
    void mergeReturnsTheHoldersTokensForTheGuestsDeviceAndTheGuestIsGoneAfterItsMergedEvent() {
        LoginResponse ada = holder("ada");
        LoginResponse g = guest();
        String ticket = ticket(g, "ada");

        LoginResponse merged = merges.merge(app.id(), ticket, caller(g));

        assertThat(merged.userId()).isEqualTo(ada.userId());
        assertThat(merged.deviceId()).isEqualTo(g.deviceId());
        assertThat(caller(merged).user().id()).isEqualTo(ada.userId());
        assertThat(gate.refresh(merged.refreshToken()).user().id()).isEqualTo(ada.userId());
        assertThat(user(g.userId())).isNull();
        refused(() -> caller(g), ErrorCode.InvalidSession);
        assertThat(world.store.events().recent(app.id(), 100)).filteredOn(e -> e.userId().equals(g.userId()))
                .extracting(UserEvent::type, UserEvent::detail, UserEvent::intoUserId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(UserEvent.DELETED, "merged", null),
                        org.assertj.core.groups.Tuple.tuple(UserEvent.MERGED, BADGE, ada.userId()),
                        org.assertj.core.groups.Tuple.tuple(UserEvent.CREATED, "anon-user", null));
    }

    @Test
    void mergeWhenTheAppKeepsMergedGuestsThenTheGuestStaysWithoutItsSession() {
        keepMergedGuests();
        holder("ada");
        LoginResponse g = guest();

        merges.merge(app.id(), ticket(g, "ada"), caller(g));

        assertThat(user(g.userId())).isNotNull();
        refused(() -> caller(g), ErrorCode.InvalidSession);
    }

    @Test
    void mergeASecondTimeWithTheSameTicketIsRefused() {
        keepMergedGuests();
        holder("ada");
        LoginResponse g = guest();
        String ticket = ticket(g, "ada");
        AccessCaller caller = caller(g);
        merges.merge(app.id(), ticket, caller);
        // The kept guest given a session again, so that only the spent ticket stands in the way.
        java.time.Instant now = world.clock.instant();
        dev.atrium.core.sessions.Session again = new dev.atrium.core.sessions.Session(ObjectIds.next(now), app.id(),
                g.userId(), g.deviceId(), "again", now, now.plus(Duration.ofDays(1)));
        world.store.sessions().insert(again);
        AccessCaller revived = gate.access(world.tokens.issueAccess(world.apps.requireApp(app.id()), user(g.userId()),
                again.id(), g.deviceId(), now));

        refused(() -> merges.merge(app.id(), ticket, caller), ErrorCode.InvalidSession);
        refused(() -> merges.merge(app.id(), ticket, revived), ErrorCode.MergeRefused);
    }

    @Test
    void mergeAfterTheTicketExpiredIsRefusedAndTheGuestStays() {
        holder("ada");
        LoginResponse g = guest();
        String ticket = ticket(g, "ada");
        world.clock.advance(MergeService.TICKET_LIFETIME);

        refused(() -> merges.merge(app.id(), ticket, caller(g)), ErrorCode.MergeRefused);
        assertThat(caller(g).user().isAnonymous()).isTrue();
    }

    @Test
    void mergeWithAnotherGuestsTicketIsRefusedAndTheTicketStaysGoodForItsGuest() {
        LoginResponse ada = holder("ada");
        LoginResponse g = guest();
        LoginResponse other = guest();
        String ticket = ticket(g, "ada");

        refused(() -> merges.merge(app.id(), ticket, caller(other)), ErrorCode.MergeRefused);

        assertThat(user(other.userId())).isNotNull();
        assertThat(merges.merge(app.id(), ticket, caller(g)).userId()).isEqualTo(ada.userId());
    }

    @Test
    void mergeOfAGuestThatLinkedSinceIsRefused() {
        holder("ada");
        LoginResponse g = guest();
        String ticket = ticket(g, "ada");
        merges.link(app.id(), BADGE, badge("own"), caller(g), NET);

        refused(() -> merges.merge(app.id(), ticket, caller(g)), ErrorCode.MergeRefused);
        assertThat(user(g.userId()).providerTypes()).containsExactly("anon-user", BADGE);
    }

    @Test
    void mergeIntoADisabledHolderIsRefused() {
        LoginResponse ada = holder("ada");
        LoginResponse g = guest();
        String ticket = ticket(g, "ada");
        world.store.users().setDisabled(app.id(), ada.userId(), true);

        refused(() -> merges.merge(app.id(), ticket, caller(g)), ErrorCode.MergeRefused);
        assertThat(user(g.userId())).isNotNull();
    }

    @Test
    void mergeWithoutATicketOrWithAnUnknownOneIsRefused() {
        LoginResponse g = guest();

        refused(() -> merges.merge(app.id(), null, caller(g)), ErrorCode.MissingParameter);
        refused(() -> merges.merge(app.id(), "", caller(g)), ErrorCode.MissingParameter);
        refused(() -> merges.merge(app.id(), "not-a-ticket", caller(g)), ErrorCode.MergeRefused);
    }

    @Test
    void mergeWithATokenOfAnotherAppIsAnInvalidSession() {
        holder("ada");
        LoginResponse g = guest();
        String ticket = ticket(g, "ada");

        refused(() -> merges.merge("another-app", ticket, caller(g)), ErrorCode.InvalidSession);
        assertThat(user(g.userId())).isNotNull();
    }

    @Test
    void expiredTicketsAreDeletedByLaterOffers() {
        holder("ada");
        ticket(guest(), "ada");
        world.clock.advance(MergeService.TICKET_LIFETIME.plus(Duration.ofSeconds(1)));

        ticket(guest(), "ada");

        assertThat(world.store.merges().deleteExpired(world.clock.instant().plus(Duration.ofDays(1)), 100)).isEqualTo(1);
    }
}
