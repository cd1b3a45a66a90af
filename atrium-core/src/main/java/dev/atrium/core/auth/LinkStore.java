package dev.atrium.core.auth;

import dev.atrium.core.users.Identity;

/** The write of a link: one more identity for an existing user. */
public interface LinkStore {

    /**
     * Appends {@code identity} to the user's identities (after the existing ones), marks the user
     * not anonymous and writes its {@code user.linked} event (a conversion when the user was a
     * guest until then: docs/events.md), in one transaction that also
     * serialises links of the same user. Throws
     * {@link IdentityTakenException} when any user of the app holds the identity, and
     * {@link ProviderAlreadyLinkedException} when the user already has an identity of that
     * provider; writes nothing then. Returns false (nothing written) when the user does not exist.
     */
    boolean addIdentity(String appId, String userId, Identity identity);
}
