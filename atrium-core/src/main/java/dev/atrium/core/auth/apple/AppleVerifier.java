package dev.atrium.core.auth.apple;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.IdTokenRefusedException;
import dev.atrium.core.idp.IdTokenVerifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies an Apple ID token for an app; the identity is its {@code sub} (stable per Apple
 * developer team), the profile data its {@code email}, {@code email_verified} and
 * {@code is_private_email} (a relay address), when Apple sent them. Apple writes the two flags as
 * booleans or as the strings "true"/"false"; the profile always holds booleans.
 */
public final class AppleVerifier {
    private final IdTokenVerifier idTokens;

    public AppleVerifier(IdTokenVerifier idTokens) {
        this.idTokens = idTokens;
    }

    /** The identity the token proves; AuthException (AuthError) naming why when it proves none. */
    public ExternalIdentity verify(AppleSettings settings, AppleCredentials credentials) {
        JWTClaimsSet claims;
        try {
            claims = idTokens.verify(credentials.idToken(), settings.trust(), credentials.nonce());
        } catch (IdTokenRefusedException e) {
            throw e.forCaller("Apple");
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        if (claims.getClaim("email") instanceof String email) {
            profile.put("email", email);
        }
        flag(claims, "email_verified", profile);
        flag(claims, "is_private_email", profile);
        return new ExternalIdentity(claims.getSubject(), profile);
    }

    private static void flag(JWTClaimsSet claims, String name, Map<String, Object> profile) {
        Object v = claims.getClaim(name);
        if (v instanceof Boolean b) {
            profile.put(name, b);
        } else if ("true".equals(v) || "false".equals(v)) {
            profile.put(name, Boolean.parseBoolean((String) v));
        }
    }
}
