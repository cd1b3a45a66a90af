package dev.atrium.core.merge;

import dev.atrium.core.auth.IdentityHeldException;
import dev.atrium.core.kernel.AuthException;

/**
 * The refused link of a guest whose credentials prove an identity another user holds, with the
 * ticket to merge into that user. Its code and text are the refusal's ({@code LinkRefused}, 409):
 * clients that know nothing of merging (realm-web) see the 409 they always saw, and the ticket is
 * one more field of the error body, {@code merge_ticket} (docs/client-api.md, Merging a guest).
 */
public final class MergeOfferedException extends AuthException {
    private final transient String ticket;

    MergeOfferedException(IdentityHeldException refusal, String ticket) {
        super(refusal.code(), refusal.getMessage(), refusal.detail());
        this.ticket = ticket;
    }

    /** The ticket itself (only its hash is stored): sent once, in this error's body. */
    public String ticket() {
        return ticket;
    }
}
