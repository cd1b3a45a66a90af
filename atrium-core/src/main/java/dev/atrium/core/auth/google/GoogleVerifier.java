package dev.atrium.core.auth.google;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.IdTokenRefusedException;
import dev.atrium.core.idp.IdTokenVerifier;
import dev.atrium.core.kernel.OutboundHttp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies Google credentials for an app: an ID token directly, an auth code by exchanging it for
 * one first. The identity is the token's {@code sub}; the profile data its {@code email},
 * {@code email_verified}, {@code name} and {@code picture}, when present (they depend on the
 * scopes the app asked for).
 */
public final class GoogleVerifier {
    private final IdTokenVerifier idTokens;
    private final GoogleCodeExchange exchange;

    public GoogleVerifier(IdTokenVerifier idTokens, OutboundHttp http) {
        this.idTokens = idTokens;
        this.exchange = new GoogleCodeExchange(http);
    }

    /** The identity the credentials prove; AuthException (AuthError) naming why when they prove none. */
    public ExternalIdentity verify(GoogleSettings settings, GoogleCredentials credentials) {
        JWTClaimsSet claims;
        try {
            claims = switch (credentials) {
                case GoogleCredentials.IdToken t -> idTokens.verify(t.idToken(), settings.trust(), t.nonce());
                case GoogleCredentials.AuthCode c -> idTokens.verify(exchange.idTokenFor(settings, c.code()), settings.trust(), null);
            };
        } catch (IdTokenRefusedException e) {
            throw e.forCaller("Google");
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String name : new String[] {"email", "email_verified", "name", "picture"}) {
            Object v = claims.getClaim(name);
            if (v instanceof String || v instanceof Boolean) {
                profile.put(name, v);
            }
        }
        return new ExternalIdentity(claims.getSubject(), profile);
    }
}
