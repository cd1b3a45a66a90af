package dev.atrium.core.admin;

import dev.atrium.core.sessions.Session;
import dev.atrium.core.users.User;
import java.util.List;

/** The operator's view of users: filtered, searched, sorted listing and counting. */
public interface UserQueryStore {

    /**
     * Up to {@code limit} users of the app matching {@code filter} (its search included), in
     * {@code sort} order, starting after {@code after} (null = from the start); empty when none.
     * A search by e-mail prefix is answered from an index of the identities' e-mails, so it costs
     * what its matches cost, whatever the number of users (docs/stores.md, "Finding users").
     */
    List<User> list(String appId, UserFilter filter, UserSort sort, UserCursor after, int limit);

    /** How many users of the app match (its search included). */
    long count(String appId, UserFilter filter);

    /** The user's live sessions, newest first; empty when none or no such user. */
    List<Session> sessions(String appId, String userId);
}
