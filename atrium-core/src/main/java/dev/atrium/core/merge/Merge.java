package dev.atrium.core.merge;

import dev.atrium.core.apps.MergedGuest;
import dev.atrium.core.sessions.Session;
import java.time.Instant;

/**
 * One merge for {@link MergeStore#merge}: spend {@code ticket}, open {@code holderSession} and let
 * the guest go as {@code fate} says.
 *
 * @param ticket the ticket as found; the store spends it only if it is still there, unexpired at {@code at}
 * @param guestSessionId the session of the guest's access token, which must still be alive
 * @param holderSession the new session of the ticket's holder on the guest's device
 */
public record Merge(MergeTicket ticket, String guestSessionId, Session holderSession, MergedGuest fate, Instant at) {
    public Merge {
        if (!holderSession.userId().equals(ticket.holderId()) || !holderSession.appId().equals(ticket.appId())) {
            throw new IllegalArgumentException("the new session is the ticket holder's, in the ticket's app");
        }
    }
}
