package dev.atrium.core.auth.function;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.kernel.RequestFields;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code custom-function}: the login body without {@code options} (where the Realm SDKs put their
 * device information) is the payload, which the app's function answers ({@link FunctionLogin}).
 */
public final class FunctionProvider implements AuthProvider<FunctionPayload> {
    public static final String TYPE = "custom-function";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Your own function names the user of any payload (function_url, function_secret in the config).";
    }

    @Override
    public ProviderSettings settings() {
        return FunctionSettings.DECLARED;
    }

    @Override
    public FunctionPayload credentials(RequestFields body) {
        Map<String, Object> payload = new LinkedHashMap<>(body.all());
        payload.remove("options");
        return new FunctionPayload(Json.write(payload).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Authenticator<FunctionPayload> authenticator(ProviderContext context) {
        UserStore users = context.users();
        FunctionLogin login = new FunctionLogin(context.http(), context.service(FunctionSigner.class));
        return (app, config, payload, now) -> {
            FunctionSettings settings = StoredSettings.atLogin(TYPE, () -> FunctionSettings.from(config.config()));
            ExternalIdentity found = login.verify(app.id(), settings, payload);
            return new Resolution(found.identity(TYPE, now),
                    users.findByIdentity(app.id(), TYPE, found.subject()).map(User::id).orElse(null));
        };
    }

    /**
     * App Services ran {@code authFunctionName} (JavaScript) inside itself; Atrium POSTs the same
     * login payload to an endpoint of yours, so that function is ported there. Its answer's
     * {@code id} is the identity on both sides: the same id keeps the same user.
     */
    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        String function = exported.string("authFunctionName");
        ImportedSettings.Builder b = ImportedSettings.builder()
                .need("function_url", "<https URL of your login endpoint>", "App Services ran "
                        + (function == null ? "a function" : function) + "; Atrium calls your endpoint instead")
                .need("function_secret", "<whsec_… secret of your choice>", "signs every call to function_url");
        if (function != null) {
            b.unmapped("authFunctionName: Atrium runs no functions; port " + function + " to function_url "
                    + "(docs/providers/custom-function.md)");
        }
        return Optional.of(b.build());
    }
}
