package dev.atrium.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EcdsaProviderTest {
    @Test
    void onLinuxX86_64EcdsaRunsOnAccpNotSilentlyOnTheSlowerSunEc() {
        boolean linuxAmd64 = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");

        assertThat(linuxAmd64).as("this test describes the CI machine").isTrue();
        assertThat(EcdsaProvider.name()).isEqualTo("AmazonCorrettoCryptoProvider");
    }

    @Test
    void accpSignaturesVerifyWithSunEcAndSunEcSignaturesWithAccp() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        ECDSASigner fast = EcdsaProvider.signer(key);
        ECDSAVerifier fastVerifier = EcdsaProvider.verifier(key);
        ECDSASigner jdk = new ECDSASigner(key);
        ECDSAVerifier jdkVerifier = new ECDSAVerifier(key.toPublicJWK());

        for (int i = 0; i < 100; i++) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("user-" + i).build();
            SignedJWT byAccp = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
            byAccp.sign(fast);
            SignedJWT byJdk = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
            byJdk.sign(jdk);

            assertThat(SignedJWT.parse(byAccp.serialize()).verify(jdkVerifier)).isTrue();
            assertThat(SignedJWT.parse(byJdk.serialize()).verify(fastVerifier)).isTrue();
        }
    }

    @Test
    void theSignerHoldsTheKeyInTheProvidersOwnFormSoItIsNotConvertedPerSignature() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        assertThat(EcdsaProvider.signer(key).getPrivateKey().getClass().getName()).startsWith("com.amazon.corretto");
        assertThat(EcdsaProvider.verifier(key).getPublicKey().getClass().getName()).startsWith("com.amazon.corretto");
    }

    @Test
    void aSignatureOverOtherClaimsDoesNotVerify() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), new JWTClaimsSet.Builder().subject("a").build());
        jwt.sign(EcdsaProvider.signer(key));
        String[] parts = jwt.serialize().split("\\.");
        SignedJWT other = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), new JWTClaimsSet.Builder().subject("b").build());
        String forged = other.getHeader().toBase64URL() + "." + other.getPayload().toBase64URL() + "." + parts[2];

        assertThat(SignedJWT.parse(forged).verify(EcdsaProvider.verifier(key))).isFalse();
    }
}
