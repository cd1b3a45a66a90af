package dev.atrium.core.auth.function;

import dev.atrium.core.idp.SettingsReader;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The {@code custom-function} config: {@code function_url} (required, http(s) with a host) and
 * {@code function_secret} (required, write-only), the key of the {@code X-Atrium-Signature} HMAC on
 * every call, so the function can tell Atrium's calls from anyone else's.
 */
public record FunctionSettings(URI functionUrl, String functionSecret) {
    public static final String FUNCTION_SECRET = "function_secret";
    /** Keys holding secrets: stored encrypted, never shown back by the admin API. */
    public static final List<String> SECRET_KEYS = List.of(FUNCTION_SECRET);

    /** Parses and validates; IllegalArgumentException naming every bad or unknown key. */
    public static FunctionSettings from(Map<String, Object> config) {
        SettingsReader r = new SettingsReader(config);
        URI url = r.url("function_url", null);
        r.require(url != null || config.get("function_url") != null, "function_url is required");
        String secret = r.string(FUNCTION_SECRET);
        r.done();
        return new FunctionSettings(url, secret);
    }

    /** The secret stays out of logs and error texts. */
    @Override
    public String toString() {
        return "FunctionSettings[function_url=" + functionUrl + ", function_secret_set=" + (functionSecret != null) + "]";
    }
}
