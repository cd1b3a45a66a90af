package dev.atrium.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Spring Security's NimbusJwtDecoder from the JWKS URL: what Spring Boot's {@code jwk-set-uri} +
 * {@code jws-algorithms: ES256} + {@code issuer-uri} + {@code audiences} builds
 * ({@link SpringDecoders#jwkSetUri}); the URL is the discovery document's {@code jwks_uri}.
 */
@ExtendWith(AtriumTokensExtension.class)
class SpringJwkSetUriTest {

    @Test
    void springJwkSetUriWhenFreshEs256TokenThenAccepted(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.ES256);
        Discovery d = Discovery.of(t.issuer());

        Jwt jwt = SpringDecoders.jwkSetUri(d.jwksUri(), d.issuer(), t.appId()).decode(t.fresh());

        assertThat(jwt.getSubject()).isEqualTo(t.userId());
        assertThat(jwt.getAudience()).containsExactly(t.appId());
        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256");
    }

    @Test
    void springJwkSetUriWhenEs256TokenForAnotherAudienceThenRefused(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.ES256);
        Discovery d = Discovery.of(t.issuer());

        assertThatThrownBy(() -> SpringDecoders.jwkSetUri(d.jwksUri(), d.issuer(), AppTokens.OTHER_AUDIENCE).decode(t.fresh()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The aud claim is not valid");
    }

    @Test
    void springJwkSetUriWhenExpiredEs256TokenThenRefused(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.ES256);
        Discovery d = Discovery.of(t.issuer());

        assertThatThrownBy(() -> SpringDecoders.jwkSetUri(d.jwksUri(), d.issuer(), t.appId()).decode(t.expired()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired at");
    }

    /** Spring's SignatureAlgorithm (what {@code jws-algorithms} names) has RS, PS and ES only. */
    @Test
    void springJwkSetUriWhenEdDsaThenRejectedBecauseItHasNoEdDsa(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.EdDSA);
        Discovery d = Discovery.of(t.issuer());

        assertThat(SignatureAlgorithm.from("EdDSA")).as("Spring Security's JWS algorithms").isNull();
        assertThatThrownBy(() -> SpringDecoders.jwkSetUri(d.jwksUri(), d.issuer(), t.appId()).decode(t.fresh()))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
    }
}
