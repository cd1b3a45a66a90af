package dev.atrium.core.auth.customjwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/** Builds nimbus processors for {@link CustomJwtSettings}; times are checked against Atrium's clock. */
final class CustomJwtProcessors {
    private CustomJwtProcessors() {}

    static ConfigurableJWTProcessor<SecurityContext> build(CustomJwtSettings s, Clock clock, ResourceRetriever jwksFetch) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        if (s.publicKeyPem() != null) {
            // A PEM key has no kid: select it for any pinned algorithm, whatever kid the token names.
            java.security.Key key = pemKey(s.publicKeyPem());
            p.setJWSKeySelector((header, context) -> s.algorithms().contains(header.getAlgorithm())
                    ? java.util.List.of(key) : java.util.List.of());
        } else {
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(s.algorithms(), keys(s, jwksFetch)));
        }
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(s.audience(),
                new JWTClaimsSet.Builder().issuer(s.issuer()).build(), Set.of("sub", "exp", "iat")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }

            /** nimbus checks exp and nbf with the skew, not an iat in the future: a token not issued yet. */
            @Override
            public void verify(JWTClaimsSet claimsSet, SecurityContext context) throws BadJWTException {
                super.verify(claimsSet, context);
                Date iat = claimsSet.getIssueTime();
                if (iat != null && iat.toInstant().isAfter(clock.instant().plus(s.clockSkew()))) {
                    throw new BadJWTException("JWT issued in the future");
                }
            }
        };
        claims.setMaxClockSkew((int) s.clockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private static java.security.Key pemKey(String pem) {
        try {
            JWK jwk = JWK.parseFromPEMEncodedObjects(pem);
            if (jwk instanceof com.nimbusds.jose.jwk.AsymmetricJWK asymmetric) {
                return asymmetric.toPublicKey();
            }
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalArgumentException("public_key_pem is not a PEM public key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("public_key_pem is not an RSA or EC public key");
    }

    private static JWKSource<SecurityContext> keys(CustomJwtSettings s, ResourceRetriever jwksFetch) {
        if (s.sharedSecret() != null) {
            return new ImmutableSecret<>(s.sharedSecret());
        }
        try {
            // Fetched by the server's outbound client (size cap, deadline, no redirects, http(s) only),
            // never by nimbus's own URLConnection; cached with nimbus's defaults (5 min TTL, refresh
            // ahead, rate-limited on unknown kids).
            return JWKSourceBuilder.create(s.jwksUrl().toURL(), jwksFetch).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwks_url is not a URL: " + e.getMessage(), e);
        }
    }
}
