package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.atrium.server.testing.idp.TestRsaKeys;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custom-token} login (docs/providers.md): JWKS URL, PEM key or shared secret; aud, iss, algorithms, skew. */
class CustomJwtTest {
    static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    @TempDir
    Path dir;
    TestServer server;
    RSAKey rsa;
    HttpServer jwks;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.sqlite(dir);
        rsa = TestRsaKeys.of("custom-jwt issuer", "app-key-1");
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", x -> {
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        server.close();
        jwks.stop(0);
    }

    private void configure(Map<String, Object> keySource, List<String> algorithms) {
        Map<String, Object> c = new java.util.HashMap<>(keySource);
        c.putAll(Map.of("audience", "my-app", "issuer", "https://id.example", "algorithms", algorithms,
                "clock_skew_s", 60, "metadata", Map.of("name", "name", "email", "email")));
        server.enable("custom-token", c);
    }

    private String jwksUrl() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json";
    }

    private JWTClaimsSet.Builder claims(String sub) {
        Instant now = server.clock.instant();
        return new JWTClaimsSet.Builder().subject(sub).audience("my-app").issuer("https://id.example")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("name", "Ann").claim("email", "ann@example.com").claim("role", "admin");
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm alg, JWSSigner signer, String kid) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private String rs256(JWTClaimsSet claims) throws Exception {
        return sign(claims, JWSAlgorithm.RS256, new RSASSASigner(rsa), rsa.getKeyID());
    }

    private Http.Reply login(String token) {
        return server.send("POST", server.provider("custom-token", "login"), null, "{\"token\":\"" + token + "\"}");
    }

    private static void assertRefused(Http.Reply r, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.json().get("error_code").asText()).isEqualTo("AuthError");
        assertThat(r.json().get("error").asText()).contains(text);
    }

    @Test
    void tokenVerifiedFromJwksUrlLogsInAndCopiesConfiguredClaimsIntoProfileData() throws Exception {
        configure(Map.of("jwks_url", jwksUrl()), List.of("RS256"));

        Http.Reply first = login(rs256(claims("user-42").build()));
        Http.Reply again = login(rs256(claims("user-42").build()));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.json().get("user_id").asText()).isEqualTo(first.json().get("user_id").asText());
        JsonNode profile = server.send("GET", server.client("/auth/profile"), first.json().get("access_token").asText(), null).json();
        assertThat(profile.get("identities").get(0).get("provider_type").asText()).isEqualTo("custom-token");
        assertThat(profile.get("identities").get(0).get("id").asText()).isEqualTo("user-42");
        assertThat(profile.get("data").get("name").asText()).isEqualTo("Ann");
        assertThat(profile.get("data").get("email").asText()).isEqualTo("ann@example.com");
        assertThat(profile.get("data").has("role")).as("only configured claims").isFalse();
    }

    @Test
    void tokenVerifiedWithAPemPublicKey() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        configure(Map.of("public_key_pem", pem), List.of("RS256"));

        assertThat(login(rs256(claims("user-1").build())).status()).isEqualTo(200);
    }

    @Test
    void tokenVerifiedWithASharedSecretAndForgedOnesRefused() throws Exception {
        configure(Map.of("shared_secret", SECRET), List.of("HS256"));

        assertThat(login(sign(claims("u").build(), JWSAlgorithm.HS256, new MACSigner(SECRET), null)).status()).isEqualTo(200);
        assertRefused(login(sign(claims("u").build(), JWSAlgorithm.HS256, new MACSigner(SECRET + "x"), null)), "invalid custom token");
    }

    @Test
    void wrongAudienceIssuerAlgorithmOrLifetimeIsRefusedAndCreatesNoUser() throws Exception {
        configure(Map.of("jwks_url", jwksUrl()), List.of("RS256"));
        Instant now = server.clock.instant();

        assertRefused(login(rs256(claims("u").audience("other").build())), "invalid custom token");
        assertRefused(login(rs256(claims("u").issuer("https://evil.example").build())), "invalid custom token");
        assertRefused(login(rs256(claims("u").expirationTime(Date.from(now.minusSeconds(61))).build())), "invalid custom token");
        assertRefused(login(rs256(new JWTClaimsSet.Builder(claims("u").build()).subject(null).build())), "invalid custom token");
        assertRefused(login(sign(claims("u").build(), JWSAlgorithm.RS512, new RSASSASigner(rsa), rsa.getKeyID())), "invalid custom token");
        assertRefused(login(Tokens.unsigned(claims("u").build())), "invalid custom token");
        assertRefused(login("garbage"), "invalid custom token");
        assertThat(server.count("users")).isZero();
    }

    @Test
    void issuedOrValidFromBeyondTheConfiguredSkewIsRefusedWithinItAccepted() throws Exception {
        configure(Map.of("shared_secret", SECRET), List.of("HS256"));
        Instant now = server.clock.instant();
        MACSigner signer = new MACSigner(SECRET);

        assertRefused(login(sign(claims("u").issueTime(Date.from(now.plusSeconds(61))).build(), JWSAlgorithm.HS256, signer, null)),
                "invalid custom token");
        assertRefused(login(sign(claims("u").notBeforeTime(Date.from(now.plusSeconds(61))).build(), JWSAlgorithm.HS256, signer, null)),
                "invalid custom token");
        assertThat(server.count("users")).isZero();
        assertThat(login(sign(claims("u").issueTime(Date.from(now.plusSeconds(50))).notBeforeTime(Date.from(now.plusSeconds(50)))
                .build(), JWSAlgorithm.HS256, signer, null)).status()).isEqualTo(200);
    }

    @Test
    void expiryWithinTheConfiguredSkewIsAccepted() throws Exception {
        configure(Map.of("jwks_url", jwksUrl()), List.of("RS256"));
        String token = rs256(claims("u").build());

        server.clock.advance(Duration.ofSeconds(300 + 30));

        assertThat(login(token).status()).isEqualTo(200);
    }

    @Test
    void misconfiguredProviderAnswersAuthErrorNamingTheProblem() {
        server.enable("custom-token", Map.of("jwks_url", "http://x", "shared_secret", SECRET));

        assertRefused(login("a.b.c"), "misconfigured");
    }

    @Test
    void guestLinksACustomTokenIdentity() throws Exception {
        configure(Map.of("jwks_url", jwksUrl()), List.of("RS256"));
        JsonNode guest = server.guestLogin();

        Http.Reply r = server.send("POST", server.provider("custom-token", "login?link=true"), guest.get("access_token").asText(),
                "{\"token\":\"" + rs256(claims("user-7").build()) + "\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(login(rs256(claims("user-7").build())).json().get("user_id").asText()).isEqualTo(guest.get("user_id").asText());
    }
}
