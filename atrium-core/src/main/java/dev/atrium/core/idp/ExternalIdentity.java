package dev.atrium.core.idp;

import dev.atrium.core.users.Identity;
import java.time.Instant;
import java.util.Map;

/**
 * An identity an external provider vouched for: its stable id there ({@code sub}, a Facebook
 * app-scoped user id, the id a custom function named) and what it said of the person, which
 * becomes the identity's profile data.
 */
public record ExternalIdentity(String subject, Map<String, Object> profile) {
    /** Longer ids than this are refused: every provider here uses far shorter ones. */
    public static final int MAX_SUBJECT = 255;

    public ExternalIdentity {
        profile = Map.copyOf(profile);
    }

    /** As an identity of provider {@code type}, created {@code now}. */
    public Identity identity(String type, Instant now) {
        return new Identity(type, subject, profile, now);
    }

    /** Whether {@code s} can be an identity's id: 1..255 characters, no control characters. */
    public static boolean validSubject(String s) {
        return s != null && !s.isEmpty() && s.length() <= MAX_SUBJECT && s.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
