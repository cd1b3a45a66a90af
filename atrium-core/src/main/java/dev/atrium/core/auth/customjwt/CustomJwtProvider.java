package dev.atrium.core.auth.customjwt;

import dev.atrium.core.apps.ProviderSettings;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.AuthProvider;
import dev.atrium.core.auth.ImportedSettings;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.kernel.RequestFields;
import java.util.Optional;

/**
 * {@code custom-token} login: {@code token} is a JWT from the app's own identity system. It must be
 * signed with one of the pinned algorithms by the configured key, carry the configured {@code aud}
 * and {@code iss}, a {@code sub}, and be within its lifetime give or take the skew. The identity is
 * {@code custom-token/<sub>}; configured claims become the profile's data ({@link CustomJwtLogin}).
 */
public final class CustomJwtProvider implements AuthProvider<CustomJwtProvider.Token> {
    public static final String TYPE = "custom-token";
    /** What a caller is told when the app's key set cannot be fetched (the reason is logged only). */
    public static final String KEYS_UNAVAILABLE = "custom token not verified: the provider's key set could not be fetched";

    private static final ProviderSettings SETTINGS = ProviderSettings.declared(
            SettingField.url("jwks_url", "Where the app's JSON Web Key Set is fetched (exactly one of jwks_url, "
                    + "public_key_pem, shared_secret)"),
            SettingField.text("public_key_pem", "An RSA or EC public key in PEM form (exactly one of jwks_url, "
                    + "public_key_pem, shared_secret)"),
            SettingField.string("shared_secret", "The HMAC key of HS256 tokens, at least 32 bytes (exactly one of "
                    + "jwks_url, public_key_pem, shared_secret)").bounds(32L, null),
            SettingField.string("audience", "The aud every token must carry").asRequired(),
            SettingField.string("issuer", "The iss every token must carry").asRequired(),
            SettingField.stringList("algorithms", "The pinned signature algorithms, e.g. [\"RS256\"]").asRequired(),
            SettingField.duration("clock_skew_s", "Leeway on exp, nbf and iat").bounds(0L, 300L).defaultsTo(60),
            SettingField.stringMap("metadata", "Profile field → claim name, copied into the profile's data"))
            .checkedBy(config -> {
                if (!config.isEmpty()) { // an empty config is allowed while the provider is being set up
                    CustomJwtSettings.from(config);
                }
            });

    /** The token of a login body; never printed. */
    public record Token(String token) {
        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Custom JWTs signed by your own issuer (keys and claims in the config).";
    }

    @Override
    public ProviderSettings settings() {
        return SETTINGS;
    }

    @Override
    public Token credentials(RequestFields body) {
        return new Token(body.nonEmptyString("token"));
    }

    @Override
    public Authenticator<Token> authenticator(ProviderContext context) {
        return new CustomJwtLogin(context.users(), context.clock(), context.jwks());
    }

    @Override
    public Optional<ImportedSettings> fromAppServices(AppServicesProvider exported) {
        return Optional.of(CustomJwtImport.map(exported));
    }
}
