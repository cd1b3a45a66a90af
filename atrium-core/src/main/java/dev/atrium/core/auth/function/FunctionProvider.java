package dev.atrium.core.auth.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.SettingsReader;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * {@code custom-function} on the provider SPI: the login body without {@code options} (where the
 * Realm SDKs put their device information) is the payload; then {@link FunctionLogin}.
 */
public final class FunctionProvider implements AuthProvider {
    public static final String TYPE = "custom-function";

    private final UserStore users;
    private final FunctionLogin login;

    public FunctionProvider(UserStore users, FunctionLogin login) {
        this.users = users;
        this.login = login;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, JsonNode credentials, Instant now) {
        FunctionSettings settings = SettingsReader.atLogin(TYPE, config.config(), FunctionSettings::from);
        if (!(credentials instanceof ObjectNode body)) {
            throw new AuthException(ErrorCode.InvalidParameter, "the payload must be a JSON object");
        }
        ObjectNode payload = body.deepCopy();
        payload.remove("options");
        byte[] json = Json.write(payload).getBytes(StandardCharsets.UTF_8);
        ExternalIdentity found = login.verify(app.id(), settings, new FunctionPayload(json));
        return new Resolution(found.identity(TYPE, now),
                users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
    }
}
