package dev.atrium.core.store.memory;

import dev.atrium.core.auth.IdentityTakenException;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.ProviderAlreadyLinkedException;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.ArrayList;
import java.util.List;

/** Linking an identity to a user of the {@link InMemoryStore}, one transaction on {@link InMemoryData}. */
record InMemoryLinkStore(InMemoryData data, InMemoryUserStore users) implements LinkStore {
    @Override
    public boolean addIdentity(String appId, String userId, Identity identity) {
        synchronized (data) {
            User user = users.find(appId, userId).orElse(null);
            if (user == null) {
                return false;
            }
            if (data.identities.containsKey(InMemoryData.identityKey(appId, identity.providerType(), identity.subject()))) {
                throw new IdentityTakenException(identity.providerType(), identity.subject());
            }
            if (user.identities().stream().anyMatch(i -> i.providerType().equals(identity.providerType()))) {
                throw new ProviderAlreadyLinkedException(identity.providerType());
            }
            List<Identity> identities = new ArrayList<>(user.identities());
            identities.add(identity);
            data.putUser(new User(user.id(), user.appId(), user.type(), user.disabled(), user.createdAt(),
                    user.lastActiveAt(), user.customData(), identities));
            data.addEvent(appId, userId, UserEvent.LINKED, identity.providerType(),
                    identity.createdAt(), null, user.isAnonymous());
            return true;
        }
    }
}
