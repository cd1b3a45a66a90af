package dev.atrium.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Spring Security's NimbusJwtDecoder from the issuer location: what Spring Boot's
 * {@code issuer-uri} + {@code audiences} builds ({@link SpringDecoders#issuerUri}).
 */
@ExtendWith(AtriumTokensExtension.class)
class SpringIssuerUriTest {

    @Test
    void springIssuerUriWhenFreshEs256TokenThenAccepted(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.ES256);

        Jwt jwt = SpringDecoders.issuerUri(t.issuer(), t.appId()).decode(t.fresh());

        assertThat(jwt.getSubject()).isEqualTo(t.userId());
        assertThat(jwt.getAudience()).containsExactly(t.appId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(t.issuer());
        assertThat(jwt.getClaimAsBoolean("is_anonymous")).isTrue();
        assertThat(jwt.getClaimAsStringList("amr")).containsExactly("anon-user");
        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256");
    }

    @Test
    void springIssuerUriWhenEs256TokenForAnotherAudienceThenRefused(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.ES256);

        assertThatThrownBy(() -> SpringDecoders.issuerUri(t.issuer(), AppTokens.OTHER_AUDIENCE).decode(t.fresh()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The aud claim is not valid");
    }

    @Test
    void springIssuerUriWhenExpiredEs256TokenThenRefused(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.ES256);

        assertThatThrownBy(() -> SpringDecoders.issuerUri(t.issuer(), t.appId()).decode(t.expired()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired at");
    }

    /**
     * The algorithms come from the JWKS's RSA and EC keys only (JwtDecoderProviderConfigurationUtils),
     * so an Ed25519 key never makes EdDSA acceptable: the switched app's retired ES256 key makes
     * ES256 the only one, and an app with only an Ed25519 key gets no decoder at all.
     */
    @Test
    void springIssuerUriWhenEdDsaThenRejectedBecauseItHasNoEdDsa(AtriumTokens atrium) {
        AppTokens t = atrium.of(Alg.EdDSA);

        assertThatThrownBy(() -> SpringDecoders.issuerUri(t.issuer(), t.appId()).decode(t.fresh()))
                .isInstanceOf(BadJwtException.class)
                .hasMessageContaining("Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
        assertThatThrownBy(() -> SpringDecoders.issuerUri(atrium.edDsaOnlyIssuer(), t.appId()))
                .as("with only an Ed25519 key in the JWKS the decoder cannot be built")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Failed to find any algorithms from the JWK set");
    }
}
