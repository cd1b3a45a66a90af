package dev.atrium.core.auth.function;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.StoredSettings;
import java.net.URI;
import java.util.Map;

/**
 * The {@code custom-function} config: {@code function_url} (required, http(s) with a host) and
 * {@code function_secret} (required, write-only), the key of the {@code X-Atrium-Signature} HMAC on
 * every call, so the function can tell Atrium's calls from anyone else's.
 */
public record FunctionSettings(URI functionUrl, String functionSecret) {

    /** The declared keys; the admin API checks a config against them before it is stored. */
    static final ProviderSettings DECLARED = ProviderSettings.declared(
            SettingField.url("function_url", "Where the login payload is POSTed").asRequired(),
            SettingField.string("function_secret", "The key of the X-Atrium-Signature HMAC on every call").asRequired())
            .alsoChecking(config -> StoredSettings.notBlank(config, "function_secret"));

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
