package dev.atrium.core.auth;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;

/**
 * A link refused because the credentials, checked and valid, prove an identity another user of the
 * app holds. To the caller it is the same 409 {@code LinkRefused} with the same text as before;
 * what it adds is for the merge offer (docs/client-api.md, Merging a guest): whose identity it is
 * and of which provider. Thrown only after the provider authenticated the credentials, so holding
 * one means the caller proved it owns the holder's identity.
 */
public final class IdentityHeldException extends AuthException {
    private final String holderId;
    private final String providerType;

    IdentityHeldException(String holderId, String providerType) {
        super(ErrorCode.LinkRefused, "link refused: this " + providerType + " identity already belongs to another user");
        this.holderId = holderId;
        this.providerType = providerType;
    }

    /** The user that holds the identity. */
    public String holderId() {
        return holderId;
    }

    /** The provider of the identity, e.g. {@code local-userpass}. */
    public String providerType() {
        return providerType;
    }
}
