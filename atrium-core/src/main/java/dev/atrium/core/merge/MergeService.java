package dev.atrium.core.merge;

import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.auth.AccessCaller;
import dev.atrium.core.auth.AuthService;
import dev.atrium.core.auth.IdentityHeldException;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.kernel.Telemetry;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.tokens.TokenService;
import dev.atrium.core.users.DeletionReason;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Linking with a merge offer, and the merge (docs/client-api.md, Merging a guest). A guest whose
 * link is refused because its valid credentials prove an identity another user holds gets a
 * ticket with the 409; spending it with the guest's access token makes this device the holder's
 * (a new session, a login's answer), writes {@code user.merged} so the app can move the guest's
 * data, and lets the guest go. A linked user is never merged away, and is offered no ticket.
 */
public final class MergeService {
    /** How long a ticket is good: the few minutes between a refused link and the person's "yes, merge". */
    public static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);
    /** Expired tickets deleted by each offer, so the table stays as small as the offers of one lifetime. */
    static final int PURGE_BATCH = 100;
    static final String NO_TICKET = "merge refused: the ticket is unknown, used, expired or another user's";
    static final String NOT_A_GUEST = "merge refused: only a guest (a user whose only identity is anon-user) can be merged "
            + "into another user";
    static final String HOLDER_UNAVAILABLE = "merge refused: the identity's user no longer exists or is disabled";
    static final String SESSION_ENDED = "invalid session: the session has ended";

    private final AuthService auth;
    private final MergeStore merges;
    private final UserStore users;
    private final TokenService tokens;
    private final Telemetry telemetry;
    private final Clock clock;

    public MergeService(AuthService auth, MergeStore merges, UserStore users, TokenService tokens, Telemetry telemetry,
                        Clock clock) {
        this.auth = auth;
        this.merges = merges;
        this.users = users;
        this.tokens = tokens;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /**
     * {@link AuthService#link}, but a guest refused because another user holds the identity gets a
     * {@link MergeOfferedException}: the same refusal, with a ticket bound to both users.
     */
    public LoginResponse link(String appId, String type, RequestFields credentials, AccessCaller caller, String clientKey) {
        try {
            return auth.link(appId, type, credentials, caller, clientKey);
        } catch (IdentityHeldException held) {
            if (!caller.user().isAnonymous()) {
                throw held;
            }
            throw new MergeOfferedException(held, offer(caller, held));
        }
    }

    private String offer(AccessCaller caller, IdentityHeldException held) {
        Instant now = clock.instant();
        String ticket = Secrets.random(32);
        merges.deleteExpired(now, PURGE_BATCH);
        merges.insert(new MergeTicket(Secrets.hash(ticket), caller.app().id(), caller.user().id(), held.holderId(),
                held.providerType(), now, now.plus(TICKET_LIFETIME)));
        return ticket;
    }

    /**
     * Merges the caller, a guest, into the user its {@code ticket} names: returns that user's
     * tokens for the caller's device. Refusals change nothing: {@code MergeRefused} (409) for a
     * ticket that is unknown, spent, expired or another guest's, a caller that is no longer a
     * guest, a holder deleted or disabled since; {@code InvalidSession} (401) when the caller's
     * session ended meanwhile (a logout won).
     */
    public LoginResponse merge(String appId, String ticket, AccessCaller caller) {
        if (!caller.app().id().equals(appId)) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: the token belongs to another app");
        }
        if (ticket == null || ticket.isEmpty()) {
            throw new AuthException(ErrorCode.MissingParameter, "missing parameter: merge_ticket");
        }
        App app = caller.app();
        User guest = caller.user();
        if (!guest.isAnonymous()) {
            throw refused(NOT_A_GUEST);
        }
        Instant now = clock.instant();
        MergeTicket found = merges.find(appId, Secrets.hash(ticket), now)
                .filter(t -> t.guestId().equals(guest.id()))
                .orElseThrow(() -> noTicket(caller, now));
        User holder = users.find(appId, found.holderId()).filter(u -> !u.disabled())
                .orElseThrow(() -> refused(HOLDER_UNAVAILABLE));
        String sessionId = ObjectIds.next(now);
        TokenService.IssuedRefresh refresh = tokens.issueRefresh(app, holder.id(), sessionId, now);
        Session session = new Session(sessionId, appId, holder.id(), caller.deviceId(), refresh.hash(), now, refresh.expiresAt());
        MergedGuest fate = app.settings().mergedGuest();
        switch (merges.merge(new Merge(found, caller.sessionId(), session, fate, now))) {
            case MERGED -> { }
            case TICKET_GONE -> throw refused(NO_TICKET);
            case NOT_A_GUEST -> throw refused(NOT_A_GUEST);
            case HOLDER_UNAVAILABLE -> throw refused(HOLDER_UNAVAILABLE);
            case SESSION_ENDED -> throw new AuthException(ErrorCode.InvalidSession, SESSION_ENDED);
        }
        if (fate == MergedGuest.DELETE) {
            telemetry.deleted(DeletionReason.MERGED.wire(), 1);
        }
        users.recordActivity(appId, holder.id(), now, now.minus(app.settings().activityGranularity()));
        return new LoginResponse(tokens.issueAccess(app, holder, sessionId, caller.deviceId(), now), refresh.token(),
                holder.id(), caller.deviceId());
    }

    /**
     * The refusal of a ticket not found: a guest deleted since the gate read it (a logout won) takes
     * its tickets with it, and is told its session ended, as the merge itself would tell it.
     */
    private AuthException noTicket(AccessCaller caller, Instant now) {
        boolean alive = users.findInSession(caller.app().id(), caller.user().id(), caller.sessionId(), now).isPresent();
        return alive ? refused(NO_TICKET) : new AuthException(ErrorCode.InvalidSession, SESSION_ENDED);
    }

    private static AuthException refused(String why) {
        return new AuthException(ErrorCode.MergeRefused, why);
    }
}
