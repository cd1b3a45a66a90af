package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which algorithm an app's access tokens carry (docs/client-api.md, Tokens): ES256 for every new app, the app's
 * own for an app that already has a key, a rotation's {@code alg} to switch; and the discovery
 * document names the algorithms of the keys actually in the JWKS.
 */
class SigningAlgorithmTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.sqlite(dir);
        adminToken = Files.readString(dir.resolve("admin-token")).trim();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void firstAppWhenItSignsThenEs256AndDiscoveryListsOnlyEs256() throws Exception {
        JsonNode guest = server.guestLogin();

        assertThat(alg(guest.get("access_token").asText())).isEqualTo(JWSAlgorithm.ES256);
        assertThat(discoveryAlgs(server.appId())).containsExactly("ES256");
        assertThat(jwksKeyTypes(server.appId())).containsExactly(KeyType.EC);
    }

    @Test
    void appCreatedByTheAdminApiWhenItSignsThenEs256() throws Exception {
        String app = createApp("Api Made");

        assertThat(alg(login(app))).isEqualTo(JWSAlgorithm.ES256);
        assertThat(discoveryAlgs(app)).containsExactly("ES256");
    }

    @Test
    void appWithAnEdDsaKeyFromBeforeWhenItSignsOrRotatesWithoutAlgThenItStaysEdDsa() throws Exception {
        String app = appWithEdDsaKeyFromBefore("Old Ed");

        String before = login(app);
        Http.Reply rotated = rotate(app, "{}");
        String after = login(app);

        assertThat(alg(before)).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.json().get("alg").asText()).isEqualTo("EdDSA");
        assertThat(alg(after)).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(discoveryAlgs(app)).containsExactly("EdDSA");
    }

    @Test
    void rotateFromEdDsaToEs256ThenDiscoveryListsBothWhileTheOldKeyIsInTheJwksAndOldSessionsWork() throws Exception {
        String app = appWithEdDsaKeyFromBefore("Switching");
        JsonNode before = Http.guestLogin(server.baseUrl(), app);

        Http.Reply rotated = rotate(app, "{\"alg\":\"ES256\"}");
        String after = login(app);

        assertThat(rotated.json().get("alg").asText()).isEqualTo("ES256");
        assertThat(alg(after)).isEqualTo(JWSAlgorithm.ES256);
        assertThat(discoveryAlgs(app)).containsExactly("ES256", "EdDSA");
        assertThat(jwksKeyTypes(app)).containsExactlyInAnyOrder(KeyType.EC, KeyType.OKP);
        Http.Reply oldAccess = server.send("GET", server.client("/auth/profile"), before.get("access_token").asText(), null);
        assertThat(oldAccess.status()).as("an EdDSA access token from before still verifies").isEqualTo(200);
        Http.Reply refreshed = server.send("POST", server.client("/auth/session"), before.get("refresh_token").asText(), null);
        assertThat(refreshed.status()).as("a session from before the rotation refreshes (201, docs/client-api.md, User and session routes)").isEqualTo(201);
        assertThat(alg(refreshed.json().get("access_token").asText())).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void rotateToEdDsaWhenTheAppIsNewThenEdDsaSignsAndBothAreListed() throws Exception {
        String app = createApp("Speedy");
        login(app);

        Http.Reply rotated = rotate(app, "{\"alg\":\"EdDSA\"}");

        assertThat(rotated.json().get("alg").asText()).isEqualTo("EdDSA");
        assertThat(alg(login(app))).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(discoveryAlgs(app)).containsExactly("EdDSA", "ES256");
    }

    /**
     * An app as an Atrium that signed EdDSA by default left it: its first key, stored before it
     * ever signed under this version, is Ed25519.
     */
    private static String appWithEdDsaKeyFromBefore(String name) {
        String app = createApp(name);
        boolean inserted = server.atrium.store().signingKeys()
                .insertFirst(KeyRing.generate(app, server.clock.instant(), JWSAlgorithm.EdDSA));
        assertThat(inserted).as("the app had no key yet").isTrue();
        return app;
    }

    private static String createApp(String name) {
        Http.Reply created = Http.send("POST", server.baseUrl() + "/api/admin/v1/apps", adminToken,
                "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static Http.Reply rotate(String app, String body) {
        return Http.send("POST", server.baseUrl() + "/api/admin/v1/apps/" + app + "/signing_keys/rotate", adminToken, body);
    }

    private static String login(String app) {
        return Http.guestLogin(server.baseUrl(), app).get("access_token").asText();
    }

    private static JWSAlgorithm alg(String token) throws ParseException {
        return SignedJWT.parse(token).getHeader().getAlgorithm();
    }

    private static List<String> discoveryAlgs(String app) {
        JsonNode discovery = server.send("GET", server.client("/app/" + app + "/.well-known/openid-configuration"), null, null).json();
        List<String> algs = new java.util.ArrayList<>();
        discovery.get("id_token_signing_alg_values_supported").forEach(a -> algs.add(a.asText()));
        return algs;
    }

    private static List<KeyType> jwksKeyTypes(String app) throws ParseException {
        String body = server.send("GET", server.client("/app/" + app + "/.well-known/jwks.json"), null, null).body();
        return JWKSet.parse(body).getKeys().stream().map(k -> k.getKeyType()).toList();
    }
}
