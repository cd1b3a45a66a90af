package dev.atrium.core.store;

import dev.atrium.core.admin.AdminTokenStore;
import dev.atrium.core.admin.ServerKeyStore;
import dev.atrium.core.admin.StatsStore;
import dev.atrium.core.admin.UserQueryStore;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.auth.LinkStore;
import dev.atrium.core.auth.SignupStore;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.passkey.PasskeyStore;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.events.EventStore;
import dev.atrium.core.imports.ImportStore;
import dev.atrium.core.lifecycle.SweepStore;
import dev.atrium.core.merge.MergeStore;
import dev.atrium.core.redirect.RedirectStateStore;
import dev.atrium.core.sessions.SessionStore;
import dev.atrium.core.tokens.SigningKeyStore;
import dev.atrium.core.users.UserStore;

/**
 * One backend's implementations of every feature's store, sharing one database (so a feature's
 * write can span tables in one transaction where its interface says so).
 */
public interface AtriumStore extends AutoCloseable {

    AppStore apps();

    UserStore users();

    SessionStore sessions();

    SignupStore signups();

    SigningKeyStore signingKeys();

    AdminTokenStore adminTokens();

    LinkStore links();

    UserpassStore userpass();

    ApiKeyStore apiKeys();

    EventStore events();

    SweepStore sweeps();

    UserQueryStore userQueries();

    StatsStore stats();

    ServerKeyStore serverKeys();

    RedirectStateStore redirectStates();

    PasskeyStore passkeys();

    MergeStore merges();

    ImportStore imports();

    /** Whether the backend answers a trivial query now; false instead of throwing. */
    boolean isReady();

    /** A short description for logs, without credentials (e.g. {@code sqlite:./atrium-data/atrium.db}). */
    String describe();

    @Override
    void close();
}
