package dev.atrium.core.auth.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.auth.WebSignIn;
import dev.atrium.core.kernel.AuthException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web redirect flow's part of the {@code oauth2-apple} settings, its client secret and its authorization URL. */
class AppleWebSettingsTest {
    static final KeyPair KEY = generate("secp256r1");

    static KeyPair generate(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static Map<String, Object> web() {
        Map<String, Object> m = new HashMap<>(Map.of("client_ids", List.of("com.example.ios"), "services_id", "com.example.web",
                "team_id", "ABCDE12345", "key_id", "KEY1234567", "private_key_secret", pem(KEY)));
        m.put("allowed_redirect_urls", List.of("https://app.example.com/auth"));
        return m;
    }

    @Test
    void theWebFlowNeedsTheServicesIdTeamKeyIdAndKeyWhoseServicesIdIsAlsoAnAudience() {
        AppleSettings s = AppleSettings.from(web());

        assertThat(s.web().configured()).isTrue();
        assertThat(s.web().authUrl()).isEqualTo(URI.create("https://appleid.apple.com/auth/authorize"));
        assertThat(s.web().tokenUrl()).isEqualTo(URI.create("https://appleid.apple.com/auth/token"));
        assertThat(s.web().allowedRedirects().allows("https://app.example.com/auth")).isTrue();
        assertThat(s.trust().audiences()).containsExactlyInAnyOrder("com.example.ios", "com.example.web");
        assertThat(s.web().toString()).doesNotContain("BEGIN").contains("private_key_set=true");
    }

    @Test
    void aPartOfTheWebFlowAloneAndEveryBadValueAreNamedTogether() {
        Map<String, Object> partial = new HashMap<>(web());
        partial.remove("private_key_secret");
        partial.put("team_id", "abc");

        assertThatThrownBy(() -> AppleSettings.from(partial)).hasMessageContaining(
                "the web redirect flow needs all of services_id, team_id, key_id and private_key_secret")
                .hasMessageContaining("allowed_redirect_urls needs services_id")
                .hasMessageContaining("team_id must be ten upper-case letters or digits");
        partial.put("allowed_redirect_urls", List.of("http://app.example.com/auth"));
        assertThatThrownBy(() -> AppleSettings.from(partial))
                .hasMessageContaining("allowed_redirect_urls: 'http://app.example.com/auth' is not an https URL");
    }

    @Test
    void aKeyThatIsNotAP256KeyInPemIsRefusedWithoutEchoingIt() {
        for (String bad : List.of("MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg", "-----BEGIN PRIVATE KEY-----\n!!\n-----END PRIVATE KEY-----",
                pem(generate("secp384r1")), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")) {
            Map<String, Object> m = new HashMap<>(web());
            m.put("private_key_secret", bad);
            assertThatThrownBy(() -> AppleSettings.from(m)).hasMessageStartingWith("private_key_secret ")
                    .hasMessageNotContaining(bad.length() > 30 ? bad.substring(30) : "\u0000");
        }
    }

    @Test
    void theClientSecretIsAnEs256JwtOfTheTeamForTheServicesIdValidFiveMinutes() throws Exception {
        AppleSettings s = AppleSettings.from(web());
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        SignedJWT jwt = SignedJWT.parse(AppleClientSecret.sign(s.web(), s.issuer(), now));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("KEY1234567");
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) KEY.getPublic()))).isTrue();
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo("ABCDE12345");
        assertThat(c.getSubject()).isEqualTo("com.example.web");
        assertThat(c.getAudience()).containsExactly("https://appleid.apple.com");
        assertThat(c.getIssueTime().toInstant()).isEqualTo(now);
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
    }

    @Test
    void theAuthorizationAsksForNameAndEmailByFormPostWithTheStateAndNonce() {
        AppleWebSignIn web = new AppleWebSignIn(null, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        URI u = web.authorization(web(), new WebSignIn.Authorization(URI.create("https://auth.example.com/api/client/v2.0/auth/callback"),
                "st-1", "n-1"));

        assertThat(u.toString()).isEqualTo("https://appleid.apple.com/auth/authorize?client_id=com.example.web"
                + "&redirect_uri=https%3A%2F%2Fauth.example.com%2Fapi%2Fclient%2Fv2.0%2Fauth%2Fcallback&response_type=code"
                + "&scope=name%20email&response_mode=form_post&state=st-1&nonce=n-1");
        assertThatThrownBy(() -> web.authorization(Map.of("client_ids", List.of("a")), new WebSignIn.Authorization(u, "s", "n")))
                .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.AuthError))
                .hasMessage(AppleWebSignIn.NOT_SET_UP);
    }
}
