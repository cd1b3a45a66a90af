package dev.atrium.core.auth.anonymous;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.Map;

/**
 * {@code anon-user}: every login is a brand-new identity, so a brand-new user (docs/architecture.md, Guest login;
 * reuse is the client's job, docs/client-api.md, Client behaviour). Credential fields are ignored.
 */
public final class AnonymousProvider implements AuthProvider {

    @Override
    public String type() {
        return User.ANON_PROVIDER;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        return Resolution.fresh(new Identity(User.ANON_PROVIDER, ObjectIds.next(now), Map.of(), now));
    }
}
