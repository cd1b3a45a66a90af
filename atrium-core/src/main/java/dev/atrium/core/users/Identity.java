package dev.atrium.core.users;

import java.time.Instant;
import java.util.Map;

/**
 * One way of logging in as a user. {@code (app, providerType, subject)} is unique: an identity
 * belongs to one user only.
 *
 * @param subject the provider-scoped id (a fresh ObjectId for a guest, the e-mail's user id for
 *     email/password); shown as the identity {@code id} in profiles
 * @param providerData what the provider knows (e.g. {@code email}); empty for guests
 */
public record Identity(String providerType, String subject, Map<String, Object> providerData, Instant createdAt) {
    public Identity {
        providerData = Map.copyOf(providerData);
    }
}
