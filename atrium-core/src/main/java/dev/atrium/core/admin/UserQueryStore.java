package dev.atrium.core.admin;

import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;
import java.util.List;

/** The operator's view of users: filtered listing and counting. */
public interface UserQueryStore {

    /** Up to {@code limit} users of the app matching {@code filter} with id greater than {@code afterId} (null = from the start), ordered by id; empty when none. */
    List<User> list(String appId, UserFilter filter, String afterId, int limit);

    /** How many users of the app match. */
    long count(String appId, UserFilter filter);

    /** The user's live sessions, newest first; empty when none or no such user. */
    List<Session> sessions(String appId, String userId);
}
