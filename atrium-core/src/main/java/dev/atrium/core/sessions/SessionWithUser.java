package dev.atrium.core.sessions;

import dev.atrium.core.users.User;

/** A session and its user (with identities in order), as one read returns them. */
public record SessionWithUser(Session session, User user) {}
