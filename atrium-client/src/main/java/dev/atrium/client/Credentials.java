package dev.atrium.client;

import dev.atrium.api.ApiPaths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link App#login} and {@link User#linkCredentials} send: a provider name and its
 * credential fields. Immutable and thread-safe; {@link #toString()} never shows a
 * secret.
 */
public final class Credentials {
    /** Wire name of the e-mail/password provider. */
    public static final String EMAIL_PASSWORD = "local-userpass";
    /** Wire name of the API-key provider. */
    public static final String API_KEY = "api-key";
    /** Wire name of the custom-JWT provider. */
    public static final String CUSTOM_JWT = "custom-token";

    private final String provider;
    private final Map<String, Object> fields;
    private final boolean reuseGuest;

    private Credentials(String provider, Map<String, Object> fields, boolean reuseGuest) {
        this.provider = provider;
        this.fields = fields;
        this.reuseGuest = reuseGuest;
    }

    /**
     * Guest credentials that reuse the App's logged-in guest when there is one, without any
     * request; otherwise a new guest is created.
     */
    public static Credentials anonymous() {
        return anonymous(true);
    }

    /**
     * Guest credentials; with {@code reuse} false every login creates a brand-new guest (core's
     * ANONYMOUS_NO_REUSE), with true it is {@link #anonymous()}.
     */
    public static Credentials anonymous(boolean reuse) {
        return new Credentials(ApiPaths.ANON_USER, Map.of(), reuse);
    }

    /** E-mail and password of a registered, confirmed user; the e-mail travels as {@code username}. */
    public static Credentials emailPassword(String email, String password) {
        return of(EMAIL_PASSWORD, "username", email, "password", password);
    }

    /** A user API key (the secret returned once by {@link ApiKeyAuth#create}). */
    public static Credentials apiKey(String key) {
        return of(API_KEY, "key", key);
    }

    /** A JWT issued by the app's own identity system (custom-JWT provider). */
    public static Credentials jwt(String token) {
        return of(CUSTOM_JWT, "token", token);
    }

    private static Credentials of(String provider, String... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], Args.required(namesAndValues[i + 1], namesAndValues[i]));
        }
        return new Credentials(provider, Map.copyOf(fields), false);
    }

    /** The provider's wire name, e.g. {@code anon-user}. */
    public String provider() {
        return provider;
    }

    /** Whether these are guest credentials (they can never be linked). */
    public boolean isAnonymous() {
        return provider.equals(ApiPaths.ANON_USER);
    }

    /** Whether a logged-in guest is returned instead of logging in (only {@link #anonymous()}). */
    boolean reusesGuest() {
        return reuseGuest;
    }

    /** The credential fields of the login body, without {@code provider} and {@code options}. */
    Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return "Credentials[" + provider + (isAnonymous() ? ", reuse=" + reuseGuest : "") + "]";
    }
}
