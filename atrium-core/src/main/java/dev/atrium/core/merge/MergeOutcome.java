package dev.atrium.core.merge;

/** What {@link MergeStore#merge} did; anything but {@link #MERGED} wrote nothing. */
public enum MergeOutcome {
    /** The ticket is spent, the holder's session open, the event written, the guest gone or kept. */
    MERGED,
    /** The ticket was used, expired or deleted meanwhile (another merge with it won). */
    TICKET_GONE,
    /** The guest, or the session its access token names, no longer exists (a logout won). */
    SESSION_ENDED,
    /** The guest linked an identity meanwhile: a linked user is never merged away. */
    NOT_A_GUEST,
    /** The identity's holder was deleted or disabled meanwhile. */
    HOLDER_UNAVAILABLE
}
