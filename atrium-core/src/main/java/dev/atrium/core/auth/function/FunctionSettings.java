package dev.atrium.core.auth.function;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.StoredSettings;
import dev.atrium.core.kernel.WebhookSecrets;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code custom-function} config: {@code function_url} (required, http(s) with a host) and
 * {@code function_secret} (required, write-only), the key of the {@code webhook-signature} HMAC on
 * every call (Standard Webhooks, {@link WebhookSecrets}), so the function can tell Atrium's calls
 * from anyone else's.
 */
public record FunctionSettings(URI functionUrl, String functionSecret) {

    /** The declared keys; the admin API checks a config against them before it is stored. */
    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.url("function_url", "Where the login payload is POSTed").asRequired(),
            SettingField.string("function_secret", "The key of the webhook-signature HMAC on every call "
                    + "(Standard Webhooks: whsec_ and base64, or any text)").asRequired())
            .alsoChecking(FunctionSettings::rules);

    private static List<String> rules(Map<String, Object> config) {
        List<String> problems = new ArrayList<>(StoredSettings.notBlank(config, "function_secret"));
        if (config.get("function_secret") instanceof String secret) {
            try {
                WebhookSecrets.check("function_secret", secret);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** Checks and reads; IllegalArgumentException naming every bad or unknown key. */
    public static FunctionSettings from(Map<String, Object> config) {
        DECLARED.validate(config);
        return new FunctionSettings(URI.create(StoredSettings.string(config, "function_url", null)),
                StoredSettings.string(config, "function_secret", null));
    }

    /** The secret stays out of logs and error texts. */
    @Override
    public String toString() {
        return "FunctionSettings[function_url=" + functionUrl + ", function_secret_set=" + (functionSecret != null) + "]";
    }
}
