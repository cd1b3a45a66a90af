package dev.atrium.core.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.atrium.core.idp.IdTokenRefusedException.Reason;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies OpenID Connect ID tokens (Sign in with Apple, Google) as OpenID Connect Core 1.0
 * §3.1.3.7 asks: an RS256 signature by a key of the provider's JWKS, {@code iss} among the trusted
 * issuers, {@code aud} among the app's client ids, {@code exp} not passed and {@code iat}/{@code nbf}
 * not in the future (both give or take the skew), a {@code sub}. Then the nonce:
 * <ul>
 * <li>when the caller sends one, the token's {@code nonce} must equal it or its SHA-256 (lowercase
 *     hex): native Sign in with Apple flows hand Apple the hash and keep the raw value, web flows
 *     pass the raw value through;</li>
 * <li>whenever the token carries one, it is accepted once: the {@link NonceLedger} refuses a second
 *     use until the token expires.</li>
 * </ul>
 * One instance serves every app: key sets are fetched by the server's outbound client and cached
 * per JWKS URL (nimbus's defaults: 5 minutes, refreshed ahead, an unknown kid refetches at most
 * every 30 s), so all apps that trust Apple share one copy of Apple's keys.
 */
public final class IdTokenVerifier {
    /** Apple and Google both sign ID tokens with RS256; anything else is refused. */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
    /** Cached key sets at most (one per distinct JWKS URL in use). */
    static final int MAX_KEY_SETS = 1_000;

    private final Clock clock;
    private final ResourceRetriever jwksFetch;
    private final NonceLedger nonces;
    private final ConcurrentHashMap<URI, JWKSource<SecurityContext>> keySets = new ConcurrentHashMap<>();

    public IdTokenVerifier(Clock clock, ResourceRetriever jwksFetch, NonceLedger nonces) {
        this.clock = clock;
        this.jwksFetch = jwksFetch;
        this.nonces = nonces;
    }

    /** The verified claims of {@code token}; {@code nonce} is the caller's, or null when it sent none. */
    public JWTClaimsSet verify(String token, IdTokenTrust trust, String nonce) throws IdTokenRefusedException {
        JWTClaimsSet claims = signedClaims(token, trust);
        Instant now = clock.instant();
        Instant expires = IdTokenClaims.check(claims, trust, now);
        String carried = claims.getClaim("nonce") instanceof String s ? s : null;
        if (nonce != null && !IdTokenClaims.nonceMatches(carried, nonce)) {
            throw new IdTokenRefusedException(Reason.NONCE_MISMATCH, "nonce claim " + (carried == null ? "absent" : "differs"));
        }
        if (carried != null && !nonces.firstUse(claims.getIssuer() + "\n" + claims.getSubject() + "\n" + carried,
                expires.plus(trust.clockSkew()), now)) {
            throw new IdTokenRefusedException(Reason.NONCE_REPLAYED, "nonce replayed for sub " + claims.getSubject());
        }
        return claims;
    }

    private JWTClaimsSet signedClaims(String token, IdTokenTrust trust) throws IdTokenRefusedException {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new IdTokenRefusedException(Reason.MALFORMED, e.getMessage());
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHM, keySet(trust.jwksUrl())));
        processor.setJWTClaimsSetVerifier(null); // the claims are checked below, each with its own reason
        try {
            return processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new IdTokenRefusedException(Reason.KEYS_UNAVAILABLE, trust.jwksUrl() + ": " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new IdTokenRefusedException(Reason.BAD_SIGNATURE, e.getMessage());
        }
    }

    private JWKSource<SecurityContext> keySet(URI url) {
        if (keySets.size() >= MAX_KEY_SETS && !keySets.containsKey(url)) {
            keySets.clear(); // URLs come from operators' settings: this many means churn, and refetching is cheap
        }
        return keySets.computeIfAbsent(url, u -> {
            try {
                return JWKSourceBuilder.create(u.toURL(), jwksFetch).build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("not a URL: " + u, e);
            }
        });
    }
}
