package dev.atrium.core.auth.customjwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.Authenticator;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserStore;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Verifies {@code custom-token} logins with one nimbus processor per app, rebuilt when its config changes. */
final class CustomJwtLogin implements Authenticator<CustomJwtProvider.Token> {
    private static final String TYPE = CustomJwtProvider.TYPE;

    private final UserStore users;
    private final Clock clock;
    private final ResourceRetriever jwksFetch;
    /** One processor per app and configuration: a JWKS source keeps its fetched keys cached inside. */
    private final ConcurrentHashMap<String, Verifier> verifiers = new ConcurrentHashMap<>();

    private record Verifier(Map<String, Object> config, CustomJwtSettings settings,
                            ConfigurableJWTProcessor<SecurityContext> processor) {}

    /** {@code jwksFetch} fetches every {@code jwks_url}: the edge's outbound client, with its limits. */
    CustomJwtLogin(UserStore users, Clock clock, ResourceRetriever jwksFetch) {
        this.users = users;
        this.clock = clock;
        this.jwksFetch = jwksFetch;
    }

    @Override
    public Resolution authenticate(App app, ProviderConfig config, CustomJwtProvider.Token credentials, Instant now) {
        Verifier v = verifier(app.id(), config);
        JWTClaimsSet claims;
        try {
            claims = v.processor.process(credentials.token(), null);
        } catch (KeySourceException e) {
            // The fetch failed (unreachable, too large, redirected, too slow): its text names the
            // JWKS URL and the upstream's answer, which are the operator's business, not the caller's.
            throw new AuthException(ErrorCode.AuthError, CustomJwtProvider.KEYS_UNAVAILABLE, "jwks_url: " + e.getMessage());
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AuthException(ErrorCode.AuthError, "invalid custom token: " + e.getMessage());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        v.settings.metadata().forEach((field, claim) -> {
            Object value = claims.getClaim(claim);
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                data.put(field, value);
            }
        });
        Identity identity = new Identity(TYPE, claims.getSubject(), data, now);
        return new Resolution(identity, users.findByIdentity(app.id(), TYPE, claims.getSubject()).map(User::id).orElse(null));
    }

    private Verifier verifier(String appId, ProviderConfig config) {
        Verifier v = verifiers.get(appId);
        if (v != null && v.config.equals(config.config())) {
            return v;
        }
        Verifier fresh;
        try {
            CustomJwtSettings settings = CustomJwtSettings.from(config.config());
            fresh = new Verifier(config.config(), settings, CustomJwtProcessors.build(settings, clock, jwksFetch));
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.AuthError, "custom-token provider is misconfigured", e.getMessage());
        }
        verifiers.put(appId, fresh);
        return fresh;
    }
}
