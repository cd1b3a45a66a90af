package dev.atrium.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The Spring recipe for apps switched to EdDSA ({@link SpringDecoders#es256AndEdDsa}): one decoder
 * accepts both algorithms and refuses what the stock decoders refuse.
 */
@ExtendWith(AtriumTokensExtension.class)
class SpringEdDsaRecipeTest {

    @ParameterizedTest
    @EnumSource(Alg.class)
    void springEdDsaRecipeWhenFreshTokenThenAccepted(Alg alg, AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(alg);
        Discovery d = Discovery.of(t.issuer());

        Jwt jwt = SpringDecoders.es256AndEdDsa(d.jwksUri(), d.issuer(), t.appId()).decode(t.fresh());

        assertThat(jwt.getSubject()).isEqualTo(t.userId());
        assertThat(jwt.getAudience()).containsExactly(t.appId());
        assertThat(jwt.getHeaders()).containsEntry("alg", alg.name());
    }

    @ParameterizedTest
    @EnumSource(Alg.class)
    void springEdDsaRecipeWhenTokenForAnotherAudienceThenRefused(Alg alg, AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(alg);
        Discovery d = Discovery.of(t.issuer());
        var decoder = SpringDecoders.es256AndEdDsa(d.jwksUri(), d.issuer(), AppTokens.OTHER_AUDIENCE);

        assertThatThrownBy(() -> decoder.decode(t.fresh()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("The aud claim is not valid");
    }

    @ParameterizedTest
    @EnumSource(Alg.class)
    void springEdDsaRecipeWhenExpiredTokenThenRefused(Alg alg, AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(alg);
        Discovery d = Discovery.of(t.issuer());
        var decoder = SpringDecoders.es256AndEdDsa(d.jwksUri(), d.issuer(), t.appId());

        assertThatThrownBy(() -> decoder.decode(t.expired()))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired at");
    }

    /** An EdDSA token whose signature is not the app's key's: the EdDSA branch does verify. */
    @Test
    void springEdDsaRecipeWhenEdDsaTokenOfAnotherAppThenRefused(AtriumTokens atrium) throws Exception {
        AppTokens es = atrium.of(Alg.ES256);
        AppTokens ed = atrium.of(Alg.EdDSA);
        Discovery d = Discovery.of(es.issuer());
        var decoder = SpringDecoders.es256AndEdDsa(d.jwksUri(), d.issuer(), es.appId());

        assertThatThrownBy(() -> decoder.decode(ed.fresh()))
                .hasMessageContaining("Signed JWT rejected: no Ed25519 key of the JWK set verifies it");
    }

    /**
     * Why the recipe has its own EdDSA branch: nimbus's generic key selector, even when told EdDSA,
     * finds no key, because it hands the verifier java.security keys and cannot make one of an
     * Ed25519 JWK.
     */
    @Test
    void nimbusKeySelectorWhenToldEdDsaThenFindsNoKeyForAnEdDsaToken(AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(Alg.EdDSA);
        Discovery d = Discovery.of(t.issuer());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.EdDSA,
                JWKSourceBuilder.<SecurityContext>create(URI.create(d.jwksUri()).toURL()).build()));

        assertThatThrownBy(() -> processor.process(t.fresh(), null))
                .isInstanceOf(BadJOSEException.class)
                .hasMessage("Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
    }
}
