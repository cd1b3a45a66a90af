package dev.atrium.core.store.memory;

import dev.atrium.core.admin.AdminToken;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.password.UserpassProvider;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The in-memory store's tables. Callers hold this object's monitor for every access. */
final class InMemoryData {
    final Map<String, App> apps = new HashMap<>();
    final Map<String, ProviderConfig> providers = new HashMap<>();
    /** Users by id, with their identities inside. */
    final Map<String, User> users = new HashMap<>();
    /** identityKey → user id: the (app, provider, subject) unique index. */
    final Map<String, String> identities = new HashMap<>();
    final Map<String, Session> sessions = new HashMap<>();
    final List<SigningKey> keys = new ArrayList<>();
    final List<AdminToken> adminTokens = new ArrayList<>();
    String firstAppId;
    final InMemoryUserpassStore userpass = new InMemoryUserpassStore(this);
    final InMemoryApiKeyStore apiKeys = new InMemoryApiKeyStore(this);
    final InMemoryPasskeyStore passkeys = new InMemoryPasskeyStore(this);
    /** The outbox, in seq order. */
    final List<dev.atrium.core.events.UserEvent> events = new ArrayList<>();
    long lastSeq;

    void addEvent(String appId, String userId, String type, String detail, java.time.Instant at) {
        addEvent(appId, userId, type, detail, at, null, false);
    }

    /** An event naming the user a guest was merged into ({@code into}), or one that converts a guest. */
    void addEvent(String appId, String userId, String type, String detail, java.time.Instant at, String into,
                  boolean conversion) {
        events.add(new dev.atrium.core.events.UserEvent(++lastSeq, appId, userId, type, detail, at, 0, at, null, null, null,
                into, conversion));
    }

    static String identityKey(String appId, String providerType, String subject) {
        return appId + "\u0000" + providerType + "\u0000" + subject;
    }

    void putUser(User user) {
        users.put(user.id(), user);
        for (Identity i : user.identities()) {
            identities.put(identityKey(user.appId(), i.providerType(), i.subject()), user.id());
        }
    }

    /** Deletes the user with its identities, sessions, API keys, passkeys and e-mail/password account (as JDBC's cascades do). */
    void removeUser(User user) {
        users.remove(user.id());
        for (Identity i : user.identities()) {
            identities.remove(identityKey(user.appId(), i.providerType(), i.subject()));
            if (i.providerType().equals(UserpassProvider.TYPE)) {
                userpass.remove(user.appId(), i.subject());
            }
        }
        removeSessionsOf(user.appId(), user.id());
        apiKeys.byId.values().removeIf(k -> k.userId().equals(user.id()));
        passkeys.removeUser(user.appId(), user.id());
    }

    int removeSessionsOf(String appId, String userId) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.appId().equals(appId) && s.userId().equals(userId));
        return before - sessions.size();
    }
}
