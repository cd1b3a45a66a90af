package dev.atrium.client.storage;

import java.util.List;
import java.util.Objects;

/**
 * What {@link UserStorage} keeps: the users of one app on this device.
 *
 * @param appId the app the users belong to; null only in {@link #EMPTY}
 * @param currentUserId the user {@code App.currentUser()} returns when logged in; may be null
 * @param users every user on the device (logged in or logged out), least recently logged in first
 */
public record StoredUsers(String appId, String currentUserId, List<StoredUser> users) {
    /** Nothing stored yet. */
    public static final StoredUsers EMPTY = new StoredUsers(null, null, List.of());

    /** Copies {@code users} so a snapshot never changes after it is made. */
    public StoredUsers {
        users = List.copyOf(Objects.requireNonNull(users, "users"));
    }
}
