package dev.atrium.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwk.InvalidPublicKeyException;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Auth0 java-jwt + jwks-rsa ({@link Auth0Verifiers#es256}) configured from the discovery document. */
@ExtendWith(AtriumTokensExtension.class)
class Auth0JavaJwtTest {

    @Test
    void javaJwtWhenFreshEs256TokenThenAccepted(AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(Alg.ES256);
        Discovery d = Discovery.of(t.issuer());

        DecodedJWT jwt = Auth0Verifiers.es256(d.jwksUri(), d.issuer(), t.appId()).verify(t.fresh());

        assertThat(jwt.getSubject()).isEqualTo(t.userId());
        assertThat(jwt.getAudience()).containsExactly(t.appId());
        assertThat(jwt.getAlgorithm()).isEqualTo("ES256");
        assertThat(jwt.getClaim("is_anonymous").asBoolean()).isTrue();
    }

    @Test
    void javaJwtWhenEs256TokenForAnotherAudienceThenRefused(AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(Alg.ES256);
        Discovery d = Discovery.of(t.issuer());
        var verifier = Auth0Verifiers.es256(d.jwksUri(), d.issuer(), AppTokens.OTHER_AUDIENCE);

        assertThatThrownBy(() -> verifier.verify(t.fresh()))
                .isInstanceOf(IncorrectClaimException.class)
                .hasMessage("The Claim 'aud' value doesn't contain the required audience.");
    }

    @Test
    void javaJwtWhenExpiredEs256TokenThenRefused(AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(Alg.ES256);
        Discovery d = Discovery.of(t.issuer());
        var verifier = Auth0Verifiers.es256(d.jwksUri(), d.issuer(), t.appId());

        assertThatThrownBy(() -> verifier.verify(t.expired()))
                .isInstanceOf(TokenExpiredException.class)
                .hasMessageStartingWith("The Token has expired on");
    }

    /**
     * java-jwt has no EdDSA Algorithm to configure (the ES256 verifier refuses the header's alg),
     * and jwks-rsa cannot turn the app's Ed25519 key into a public key either.
     */
    @Test
    void javaJwtWhenEdDsaThenRejectedBecauseItHasNoEdDsa(AtriumTokens atrium) throws Exception {
        AppTokens t = atrium.of(Alg.EdDSA);
        Discovery d = Discovery.of(t.issuer());
        var verifier = Auth0Verifiers.es256(d.jwksUri(), d.issuer(), t.appId());
        String kid = JWT.decode(t.fresh()).getKeyId();

        assertThatThrownBy(() -> verifier.verify(t.fresh()))
                .isInstanceOf(AlgorithmMismatchException.class)
                .hasMessage("The provided Algorithm doesn't match the one defined in the JWT's Header.");
        assertThatThrownBy(() -> new JwkProviderBuilder(URI.create(d.jwksUri()).toURL()).build().get(kid).getPublicKey())
                .isInstanceOf(InvalidPublicKeyException.class)
                .hasMessage("The key type of OKP is not supported");
    }
}
