package dev.atrium.core.admin;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.tokens.SigningKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operators' app management: apps, settings, providers and signing keys. */
public final class AppAdmin {
    private final AppStore apps;
    private final ProviderRegistry providers;
    private final AppDirectory directory;
    private final SigningKeyStore signingKeys;
    private final KeyRing keyRing;
    private final Clock clock;

    public AppAdmin(AppStore apps, ProviderRegistry providers, AppDirectory directory, SigningKeyStore signingKeys,
                    KeyRing keyRing, Clock clock) {
        this.apps = apps;
        this.providers = providers;
        this.directory = directory;
        this.signingKeys = signingKeys;
        this.keyRing = keyRing;
        this.clock = clock;
    }

    public App create(String name) {
        App app;
        try {
            app = Apps.newApp(name, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, e.getMessage());
        }
        apps.create(app, Apps.defaultProviders(app, app.createdAt()));
        return app;
    }

    public List<App> list() {
        return apps.list();
    }

    public App get(String appId) {
        return apps.find(appId).orElseThrow(() -> notFound(appId));
    }

    /** Applies the given settings keys (the {@link AppSettings#toMap()} names); omitted keys keep their value. */
    public AppSettings patchSettings(String appId, Map<String, Object> changes) {
        App app = get(appId);
        AppSettings next;
        try {
            next = SettingsPatch.apply(app.settings(), changes);
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, e.getMessage());
        }
        apps.updateSettings(appId, next);
        directory.invalidate(appId);
        return next;
    }

    public List<ProviderConfig> providers(String appId) {
        get(appId);
        return apps.providers(appId);
    }

    /** The installed providers: their types, settings and policies. */
    public ProviderRegistry installed() {
        return providers;
    }

    /**
     * Sets a provider's enabled flag, and its config when {@code config} is non-null (validated
     * first by the provider's {@link dev.atrium.core.apps.ProviderSettings}, unless the provider is
     * left disabled with an empty config: a provider that needs settings can be switched off before
     * it has any).
     * Secrets ({@link SecretFields}) are write-only: the admin API never shows them, so a config that
     * leaves one out keeps the stored value, and null or "" removes it.
     */
    public ProviderConfig configure(String appId, String type, Boolean enabled, Map<String, Object> config) {
        get(appId);
        AuthProvider<?> provider = require(type);
        ProviderConfig current = apps.providers(appId).stream().filter(p -> p.type().equals(type)).findFirst()
                .orElse(new ProviderConfig(ObjectIds.next(clock.instant()), appId, type, false, Map.of()));
        SecretFields.Update update;
        try {
            update = config == null ? new SecretFields.Update(current.config(), List.of())
                    : SecretFields.merge(current.config(), config);
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, type + " config: " + e.getMessage());
        }
        Map<String, Object> nextConfig = update.config();
        boolean nextEnabled = enabled == null ? current.enabled() : enabled;
        if (nextEnabled || !nextConfig.isEmpty()) { // a disabled provider may wait for its settings; enabling checks them
            validate(provider, nextConfig, update.kept());
        }
        ProviderConfig next = new ProviderConfig(current.id(), appId, type, nextEnabled, nextConfig);
        apps.saveProvider(next);
        directory.invalidate(appId);
        return next;
    }

    /** The installed provider of {@code type}, or InvalidParameter naming the known ones. */
    public AuthProvider<?> require(String type) {
        return providers.find(type).orElseThrow(() -> new AuthException(ErrorCode.InvalidParameter,
                "unknown provider '" + type + "' (known: " + providers.types() + ")"));
    }

    private static void validate(AuthProvider<?> provider, Map<String, Object> config, List<String> keptSecrets) {
        String type = provider.type();
        try {
            provider.settings().validate(config);
        } catch (IllegalArgumentException e) {
            String kept = keptSecrets.isEmpty() ? "" : " (the stored " + String.join(", ", keptSecrets)
                    + " was kept because the config left it out; send it as null to remove it)";
            throw new AuthException(ErrorCode.InvalidParameter, type + " config: " + e.getMessage() + kept);
        }
    }

    public List<SigningKey> signingKeys(String appId) {
        get(appId);
        keyRing.publicKeys(appId); // an app that never signed gets its first key, so the list is never empty
        return signingKeys.forApp(appId);
    }

    /**
     * Rotates the app's key; the old one verifies for the longest token lifetime. {@code alg}
     * ({@code ES256} or {@code EdDSA}) switches the algorithm, null keeps the active key's; anything else is
     * InvalidParameter. Returns the new key.
     */
    public SigningKey rotate(String appId, String alg) {
        AppSettings s = get(appId).settings();
        Duration overlap = s.refreshTokenLifetime().compareTo(s.accessTokenLifetime()) > 0
                ? s.refreshTokenLifetime() : s.accessTokenLifetime();
        String kid = keyRing.rotate(appId, overlap, algorithm(alg));
        return signingKeys.forApp(appId).stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
    }

    /** The named access-token algorithm, null for null; InvalidParameter when Atrium does not sign with it. */
    public static com.nimbusds.jose.JWSAlgorithm algorithm(String alg) {
        if (alg == null) {
            return null;
        }
        return KeyRing.ALGORITHMS.stream().filter(a -> a.getName().equals(alg)).findFirst()
                .orElseThrow(() -> new AuthException(ErrorCode.InvalidParameter,
                        "alg must be one of " + KeyRing.ALGORITHMS + ", not " + alg));
    }

    static AuthException notFound(String appId) {
        return new AuthException(ErrorCode.AppNotFound, "cannot find app using Client App ID '" + appId + "'");
    }
}
