package dev.atrium.core.auth;

import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;

/**
 * Where guest admission limits are kept (config {@code guest-limits}): by the store, one limit
 * whatever the number of nodes (the default), or in each node's memory, as before shared limits
 * existed: each node counts apart, so N nodes admit up to N times the limit, and the store does
 * no bucket writes.
 */
@FunctionalInterface
public interface GuestLimits {

    /** Writes the guest's sign-up if admitted; else GuestLimitExceededException, and nothing is written. */
    void signUp(SignupStore signups, User user, Session session, GuestClaim claim);

    /** Limits kept by the store: {@link SignupStore#createGuest}. */
    static GuestLimits byStore() {
        return SignupStore::createGuest;
    }

    /** Limits kept in this node's memory, checked before the write. */
    static GuestLimits perNode() {
        GuestAdmission admission = new GuestAdmission();
        return (signups, user, session, claim) -> {
            admission.admit(claim);
            signups.createUserWithSession(user, session);
        };
    }
}
