package dev.atrium.core.store.memory;

import dev.atrium.core.admission.GuestAdmission;
import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;

/** Sign-ups in memory; guest limits in this process's memory too, the store being one process's. */
final class InMemorySignupStore implements SignupStore {
    private final InMemoryData data;
    private final GuestAdmission admission = new GuestAdmission();

    InMemorySignupStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public void createUserWithSession(User user, Session session) {
        synchronized (data) {
            user.identities().forEach(i -> {
                if (data.identities.containsKey(InMemoryData.identityKey(user.appId(), i.providerType(), i.subject()))) {
                    throw new IdentityTakenException(i.providerType(), i.subject());
                }
            });
            data.putUser(user);
            data.sessions.put(session.id(), session);
            data.addEvent(user.appId(), user.id(), UserEvent.CREATED, user.identities().get(0).providerType(), user.createdAt());
        }
    }

    @Override
    public void createGuest(User user, Session session, GuestClaim claim) {
        admission.admit(claim);
        createUserWithSession(user, session);
    }
}
