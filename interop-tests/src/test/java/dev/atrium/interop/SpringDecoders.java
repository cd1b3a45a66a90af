package dev.atrium.interop;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Spring Security resource-server decoders for an Atrium app, exactly as docs/verifying-tokens.md
 * gives them. The first two are what Spring Boot builds from {@code application.yml}
 * (OAuth2ResourceServerJwtConfiguration in spring-boot-security-oauth2-resource-server 4.0),
 * written out so this test needs no Boot application.
 */
final class SpringDecoders {
    private SpringDecoders() {}

    /**
     * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} + {@code audiences}: discovery
     * gives the JWKS URL, and the JWKS's RSA and EC keys the accepted algorithms (ES256 here).
     * {@code audiences} is Boot's claim check: the token's {@code aud} names one of them.
     */
    static JwtDecoder issuerUri(String issuerUri, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuerUri).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuerUri),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }

    /**
     * {@code jwk-set-uri} + {@code jws-algorithms: ES256} (Boot's default is RS256 only) +
     * {@code issuer-uri} (then only checked against {@code iss}) + {@code audiences}.
     */
    static JwtDecoder jwkSetUri(String jwkSetUri, String issuerUri, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithms(algs -> algs.add(SignatureAlgorithm.ES256))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuerUri),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }

    /**
     * The EdDSA recipe, a {@code @Bean JwtDecoder}: accepts ES256 and EdDSA tokens, so an app can
     * switch algorithms under a running resource server. Spring's builders and nimbus's generic
     * key selector stop at RSA and EC keys (nimbus cannot make a {@code java.security} key of an
     * Ed25519 JWK), so EdDSA tokens are checked here against the JWKS's Ed25519 key of their
     * {@code kid} with nimbus's Ed25519Verifier, which needs Google Tink on the class path.
     */
    static JwtDecoder es256AndEdDsa(String jwkSetUri, String issuerUri, String audience) throws MalformedURLException {
        JWKSource<SecurityContext> jwks = JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL()).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>() {
            @Override
            public JWTClaimsSet process(SignedJWT jwt, SecurityContext context) throws BadJOSEException, JOSEException {
                if (!JWSAlgorithm.EdDSA.equals(jwt.getHeader().getAlgorithm())) {
                    return super.process(jwt, context); // ES256: nimbus's own key selection and verifier
                }
                for (JWK key : jwks.get(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())), context)) {
                    if (jwt.verify(new Ed25519Verifier(key.toOctetKeyPair()))) {
                        try {
                            return jwt.getJWTClaimsSet(); // iss, aud, exp: Spring's validators, below
                        } catch (ParseException e) {
                            throw new BadJWTException("Invalid JWT claims set", e);
                        }
                    }
                }
                throw new BadJWSException("Signed JWT rejected: no Ed25519 key of the JWK set verifies it");
            }
        };
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, jwks));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // Spring validates the claims
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuerUri), new JwtAudienceValidator(audience)));
        return decoder;
    }
}
