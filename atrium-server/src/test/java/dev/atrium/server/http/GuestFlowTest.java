package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anonymous subset of the client API on SQLite, route by route (docs/client-api.md, Location; Login and linking; User and session routes; docs/architecture.md, Guest login; Anonymous; Logout ends a guest). */
class GuestFlowTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Http.Reply login(String body) {
        return server.send("POST", server.client("/app/" + server.appId() + "/auth/providers/anon-user/login"), null, body);
    }

    @Test
    void locationReturnsPublicUrlAsHostnameAndWsHostnameDerivedFromIt() {
        Http.Reply r = server.send("GET", server.client("/app/" + server.appId() + "/location"), null, null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("hostname").asText()).isEqualTo(server.baseUrl());
        assertThat(r.json().get("ws_hostname").asText()).isEqualTo(server.baseUrl().replace("http://", "ws://"));
        assertThat(r.json().get("deployment_model").asText()).isEqualTo("GLOBAL");
    }

    @Test
    void guestLoginReturnsTokensUserAndDeviceIds() {
        Http.Reply r = login("{\"options\":{\"device\":{\"platform\":\"node\",\"sdkVersion\":\"2.0.1\"}}}");

        assertThat(r.status()).isEqualTo(200);
        JsonNode b = r.json();
        assertThat(ObjectIds.isValid(b.get("user_id").asText())).isTrue();
        assertThat(ObjectIds.isValid(b.get("device_id").asText())).isTrue();
        assertThat(b.get("access_token").asText().split("\\.")).hasSize(3);
        assertThat(b.get("refresh_token").asText().split("\\.")).hasSize(3);
    }

    @Test
    void guestLoginNeverReturnsAnExistingUser() {
        String first = login("{}").json().get("user_id").asText();
        String second = login("{}").json().get("user_id").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void guestLoginAcceptsDeviceIdAsStringOrEjsonObjectId() {
        String id = "65f0c0ffee0123456789abce";

        assertThat(login("{\"options\":{\"device\":{\"deviceId\":\"" + id + "\"}}}").json().get("device_id").asText()).isEqualTo(id);
        assertThat(login("{\"options\":{\"device\":{\"deviceId\":{\"$oid\":\"" + id + "\"}}}}").json().get("device_id").asText()).isEqualTo(id);
    }

    @Test
    void guestLoginWithZeroDeviceIdGetsANewDeviceId() {
        String device = login("{\"options\":{\"device\":{\"deviceId\":\"" + ObjectIds.ZERO + "\"}}}").json().get("device_id").asText();

        assertThat(device).isNotEqualTo(ObjectIds.ZERO);
        assertThat(ObjectIds.isValid(device)).isTrue();
    }

    @Test
    void guestLoginAcceptsCoreBodyUnknownFieldsAndNoBody() {
        String core = "{\"provider\":\"anon-user\",\"options\":{\"device\":{\"appId\":\"x\",\"platform\":\"Linux\","
                + "\"platformVersion\":\"6.1\",\"sdk\":\"Kotlin\",\"sdkVersion\":\"3.0.0\",\"cpuArch\":\"x86_64\","
                + "\"deviceName\":\"\",\"coreVersion\":\"14.12.0\",\"bundleId\":\"\",\"futureField\":[1,2]}},\"extra\":true}";

        assertThat(login(core).status()).isEqualTo(200);
        assertThat(login(null).status()).isEqualTo(200);
        assertThat(login("").status()).isEqualTo(200);
    }

    @Test
    void accessTokenSaysAnonymousWithIntegerTimesAndDeviceId() {
        JsonNode b = login("{}").json();
        JWTClaimsSet c = Tokens.claims(b.get("access_token").asText());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(b.get("access_token").asText().split("\\.")[1]));

        assertThat(c.getSubject()).isEqualTo(b.get("user_id").asText());
        assertThat(c.getAudience()).containsExactly(server.appId());
        assertThat(c.getIssuer()).isEqualTo(server.client("/app/" + server.appId()));
        assertThat(c.getClaim("typ")).isEqualTo("access");
        assertThat(c.getClaim("is_anonymous")).isEqualTo(true);
        assertThat(c.getClaim("amr")).isEqualTo(List.of("anon-user"));
        assertThat(c.getClaim("baas_device_id")).isEqualTo(b.get("device_id").asText());
        assertThat(payload).containsPattern("\"iat\":\\d+[,}]").containsPattern("\"exp\":\\d+[,}]");
        assertThat(c.getExpirationTime().getTime() - c.getIssueTime().getTime()).isEqualTo(30 * 60 * 1000L);
        assertThat(Tokens.kid(b.get("access_token").asText())).isNotBlank();
    }

    @Test
    void refreshTokenHasIntegerTimesSixtyDaysAndOnlyItsHashIsStored() throws Exception {
        String rt = login("{}").json().get("refresh_token").asText();
        JWTClaimsSet c = Tokens.claims(rt);

        assertThat(c.getClaim("typ")).isEqualTo("refresh");
        assertThat(c.getExpirationTime().getTime() - c.getIssueTime().getTime()).isEqualTo(60L * 24 * 3600 * 1000);
        String url = "jdbc:" + server.config.effectiveStoreUrl();
        try (var conn = java.sql.DriverManager.getConnection(url);
             var rs = conn.createStatement().executeQuery("SELECT refresh_hash FROM sessions")) {
            while (rs.next()) {
                assertThat(rs.getString(1)).isNotEqualTo(rt).doesNotContain(".");
            }
        }
    }

    @Test
    void profileOfGuestHasOneAnonIdentityAndEmptyData() {
        JsonNode b = login("{}").json();

        Http.Reply r = server.send("GET", server.client("/auth/profile"), b.get("access_token").asText(), null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.get("user_id").asText()).isEqualTo(b.get("user_id").asText());
        assertThat(p.get("type").asText()).isEqualTo("normal");
        assertThat(p.get("data").isObject()).isTrue();
        assertThat(p.get("data").size()).isZero();
        assertThat(p.get("identities")).hasSize(1);
        assertThat(p.get("identities").get(0).get("provider_type").asText()).isEqualTo("anon-user");
        assertThat(p.get("identities").get(0).get("id").asText()).isNotBlank();
    }

    @Test
    void refreshReturnsANewAccessTokenForTheSameUserAndDevice() {
        JsonNode b = login("{}").json();

        Http.Reply r = server.send("POST", server.client("/auth/session"), b.get("refresh_token").asText(), null);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().fieldNames()).toIterable().containsExactly("access_token");
        JWTClaimsSet c = Tokens.claims(r.json().get("access_token").asText());
        assertThat(c.getSubject()).isEqualTo(b.get("user_id").asText());
        assertThat(c.getClaim("baas_device_id")).isEqualTo(b.get("device_id").asText());
    }

    @Test
    void logoutWhenAnonymousThenUserIdentitiesAndSessionsAreDeleted() {
        JsonNode b = login("{}").json();
        long users = server.count("users");
        long identities = server.count("identities");
        long sessions = server.count("sessions");

        Http.Reply r = server.send("DELETE", server.client("/auth/session"), b.get("refresh_token").asText(), null);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.contentType()).isNull();
        assertThat(r.body()).isEmpty();
        assertThat(server.count("users")).isEqualTo(users - 1);
        // A guest's anon-user identity is implied by its user row, not stored (docs/stores.md, "Guests' identity").
        assertThat(server.count("identities")).isEqualTo(identities);
        assertThat(server.count("sessions")).isEqualTo(sessions - 1);
        assertThat(server.atrium.store().users().find(server.appId(), b.get("user_id").asText())).isEmpty();
        assertThat(server.atrium.store().users().findByIdentity(server.appId(), "anon-user", b.get("user_id").asText())).isEmpty();
    }

    @Test
    void deleteRemovesTheUserWithItsSessions() {
        JsonNode b = login("{}").json();
        String userId = b.get("user_id").asText();

        Http.Reply r = server.send("DELETE", server.client("/auth/delete"), b.get("access_token").asText(), null);

        assertThat(r.status()).isEqualTo(204);
        assertThat(server.atrium.store().users().find(server.appId(), userId)).isEmpty();
        assertThat(server.send("POST", server.client("/auth/session"), b.get("refresh_token").asText(), null).status()).isEqualTo(401);
    }

    @Test
    void healthLiveAndReadyAnswerUp() {
        assertThat(server.send("GET", server.baseUrl() + "/health/live", null, null).json()).isEqualTo(
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of("status", "UP")));
        Http.Reply ready = server.send("GET", server.baseUrl() + "/health/ready", null, null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
    }
}
