package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin API route by route: a scenario table of refusals, then flows. */
class AdminApiTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String token;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.sqlite(dir);
        token = Files.readString(dir.resolve("admin-token")).trim();
        base = server.baseUrl() + "/api/admin/v1";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Http.Reply call(String method, String path, String body) {
        return Http.send(method, base + path, token, body);
    }

    record Refusal(String name, String method, String path, String bearer, String body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Refusal> refusals() {
        String app = "/apps/" + server.appId();
        return java.util.stream.Stream.concat(nonHttpUrls(app).stream(), List.of(
                new Refusal("no token", "GET", "/apps", null, null, 401, "AdminUnauthorized"),
                new Refusal("wrong token", "GET", "/apps", "atr_wrong", null, 401, "AdminUnauthorized"),
                new Refusal("a user's access token is not an admin token", "GET", "/apps", "client", null, 401, "AdminUnauthorized"),
                new Refusal("unknown app", "GET", "/apps/nope/users", token, null, 404, "AppNotFound"),
                new Refusal("unknown user", "GET", app + "/users/000000000000000000000001", token, null, 404, "UserNotFound"),
                new Refusal("bad kind filter", "GET", app + "/users?kind=robots", token, null, 400, "InvalidParameter"),
                new Refusal("bad disabled filter", "GET", app + "/users?disabled=maybe", token, null, 400, "InvalidParameter"),
                new Refusal("bad date filter", "GET", app + "/users?inactive_since=yesterday", token, null, 400, "InvalidParameter"),
                new Refusal("limit out of range", "GET", app + "/users?limit=0", token, null, 400, "InvalidParameter"),
                new Refusal("limit not a number", "GET", app + "/users?limit=many", token, null, 400, "InvalidParameter"),
                new Refusal("search with a control character", "GET", app + "/users?search=a%01b", token, null, 400, "InvalidParameter"),
                new Refusal("search of blanks only", "GET", app + "/users?search=%20%20", token, null, 400, "InvalidParameter"),
                new Refusal("search longer than an e-mail address", "GET", app + "/users?search=" + "a".repeat(255), token, null, 400, "InvalidParameter"),
                new Refusal("unknown sort", "GET", app + "/users?sort=name", token, null, 400, "InvalidParameter"),
                new Refusal("cursor that no list gave", "GET", app + "/users?sort=-last_active&cursor=yesterday", token, null, 400, "InvalidParameter"),
                new Refusal("create user without a password", "POST", app + "/users", token, "{\"email\":\"a@b.co\"}", 400, "MissingParameter"),
                new Refusal("invite without an e-mail", "POST", app + "/users/invite", token, "{}", 400, "MissingParameter"),
                new Refusal("invite into an unknown app", "POST", "/apps/nope/users/invite", token, "{\"email\":\"a@b.co\"}", 404, "AppNotFound"),
                new Refusal("events of an unknown state", "GET", app + "/events?state=lost", token, null, 400, "InvalidParameter"),
                new Refusal("events of an unknown type", "GET", app + "/events?type=user.born", token, null, 400, "InvalidParameter"),
                new Refusal("retry events of an unknown app", "POST", "/apps/nope/events/retry", token, null, 404, "AppNotFound"),
                new Refusal("webhook state of an unknown app", "GET", "/apps/nope/events/webhook", token, null, 404, "AppNotFound"),
                new Refusal("unknown setting", "PATCH", app + "/settings", token, "{\"bogus\":1}", 400, "InvalidParameter"),
                new Refusal("negative lifetime", "PATCH", app + "/settings", token, "{\"inactivity_s\":-5}", 400, "InvalidParameter"),
                new Refusal("whsec_ secret of 16 bytes", "PATCH", app + "/settings", token,
                        "{\"webhook_secret\":\"whsec_AAAAAAAAAAAAAAAAAAAAAA==\"}", 400, "InvalidParameter"),
                new Refusal("granularity not below inactivity", "PATCH", app + "/settings", token,
                        "{\"inactivity_s\":60,\"activity_granularity_s\":3600}", 400, "InvalidParameter"),
                new Refusal("a throttle below 1", "PATCH", app + "/settings", token,
                        "{\"guest_burst\":9,\"login_failure_burst\":0}", 400, "InvalidParameter"),
                new Refusal("a throttle above its bound", "PATCH", app + "/settings", token,
                        "{\"network_rate_per_minute\":1000001}", 400, "InvalidParameter"),
                new Refusal("a throttle that is not a whole number", "PATCH", app + "/settings", token,
                        "{\"email_burst\":\"3\"}", 400, "InvalidParameter"),
                new Refusal("a throttle beyond an int", "PATCH", app + "/settings", token,
                        "{\"email_rate_per_hour\":4294967297}", 400, "InvalidParameter"),
                new Refusal("merged_guest neither delete nor keep", "PATCH", app + "/settings", token,
                        "{\"merged_guest\":\"archive\"}", 400, "InvalidParameter"),
                new Refusal("merged_guest not a string", "PATCH", app + "/settings", token,
                        "{\"merged_guest\":true}", 400, "InvalidParameter"),
                new Refusal("a bad reveal_unknown_email", "PUT", app + "/providers/local-userpass", token,
                        "{\"enabled\":true,\"config\":{\"reveal_unknown_email\":\"yes\"}}", 400, "BadRequest"),
                new Refusal("unknown provider", "PUT", app + "/providers/oauth2-myspace", token, "{\"enabled\":true}", 400, "InvalidParameter"),
                new Refusal("bad custom-token config", "PUT", app + "/providers/custom-token", token,
                        "{\"enabled\":true,\"config\":{\"audience\":\"x\"}}", 400, "InvalidParameter"),
                new Refusal("bulk delete with bad dry_run", "POST", app + "/users/bulk-delete", token, "{\"dry_run\":\"no\"}", 400, "InvalidParameter"),
                new Refusal("rotate to an algorithm Atrium does not sign with", "POST", app + "/signing_keys/rotate", token, "{\"alg\":\"RS256\"}", 400, "InvalidParameter"),
                new Refusal("rotate with a non-string alg", "POST", app + "/signing_keys/rotate", token, "{\"alg\":5}", 400, "InvalidParameter"),
                new Refusal("bulk delete with bad all", "POST", app + "/users/bulk-delete", token, "{\"all\":\"yes\"}", 400, "InvalidParameter"),
                new Refusal("bulk delete of everyone without all", "POST", app + "/users/bulk-delete", token, "{\"dry_run\":false}", 400, "InvalidParameter"),
                new Refusal("create app without name", "POST", "/apps", token, "{}", 400, "MissingParameter"),
                new Refusal("malformed JSON", "POST", "/apps", token, "{", 400, "BadRequest"),
                new Refusal("stats hours out of range", "GET", app + "/stats?hours=9999", token, null, 400, "InvalidParameter"),
                new Refusal("revoke unknown admin token", "DELETE", "/tokens/nope", token, null, 404, "NotFound"),
                new Refusal("delete unknown server key", "DELETE", app + "/api_keys/000000000000000000000001", token, null, 404, "APIKeyNotFound"),
                new Refusal("passkeys of an unknown user", "GET", app + "/users/000000000000000000000001/passkeys", token, null, 404,
                        "UserNotFound"),
                new Refusal("revoke a passkey of an unknown user", "DELETE",
                        app + "/users/000000000000000000000001/passkeys/000000000000000000000002", token, null, 404, "UserNotFound"),
                new Refusal("passkey rp_id an IP address", "PUT", app + "/providers/passkey", token,
                        "{\"enabled\":true,\"config\":{\"rp_id\":\"127.0.0.1\",\"allowed_origins\":[\"http://127.0.0.1:8080\"]}}",
                        400, "InvalidParameter"),
                new Refusal("passkey origin not on rp_id", "PUT", app + "/providers/passkey", token,
                        "{\"enabled\":true,\"config\":{\"rp_id\":\"example.com\",\"allowed_origins\":[\"https://example.org\"]}}",
                        400, "InvalidParameter"),
                new Refusal("passkey origin on http but for localhost", "PUT", app + "/providers/passkey", token,
                        "{\"enabled\":true,\"config\":{\"rp_id\":\"example.com\",\"allowed_origins\":[\"http://app.example.com\"]}}",
                        400, "InvalidParameter"),
                new Refusal("passkey without allowed_origins", "PUT", app + "/providers/passkey", token,
                        "{\"enabled\":true,\"config\":{\"rp_id\":\"example.com\",\"allowed_origins\":[]}}", 400, "InvalidParameter"),
                new Refusal("password invitations at 0 a second", "POST", app + "/password-invitations", token,
                        "{\"per_second\":0}", 400, "InvalidParameter"),
                new Refusal("password invitations at a rate that is not a number", "POST", app + "/password-invitations", token,
                        "{\"per_second\":\"fast\"}", 400, "InvalidParameter"),
                new Refusal("password invitations of an unknown app", "POST", "/apps/nope/password-invitations", token, "{}",
                        404, "AppNotFound"),
                new Refusal("password invitations that never ran", "GET", app + "/password-invitations", token, null, 404,
                        "NotFound"),
                new Refusal("stopping password invitations that never ran", "DELETE", app + "/password-invitations", token,
                        null, 404, "NotFound")
        ).stream()).toList();
    }

    /** A URL Atrium would call is http(s) with a host: other schemes are refused wherever one is configured. */
    static List<Refusal> nonHttpUrls(String app) {
        return java.util.stream.Stream.of("file:///etc/passwd", "ftp://files.example/x", "gopher://127.0.0.1:70/_x",
                "jar:file:/x.jar!/a", "dict://127.0.0.1:11211/stats", "http:///no-host").flatMap(u -> java.util.stream.Stream.of(
                new Refusal("event webhook_url " + u, "PATCH", app + "/settings", token,
                        "{\"webhook_url\":\"" + u + "\"}", 400, "InvalidParameter"),
                new Refusal("local-userpass webhook_url " + u, "PUT", app + "/providers/local-userpass", token,
                        "{\"config\":{\"confirmation\":\"webhook\",\"webhook_url\":\"" + u + "\",\"webhook_secret\":\"s\"}}",
                        400, "InvalidParameter"),
                new Refusal("custom-token jwks_url " + u, "PUT", app + "/providers/custom-token", token,
                        "{\"config\":{\"jwks_url\":\"" + u + "\",\"audience\":\"a\",\"issuer\":\"i\",\"algorithms\":[\"RS256\"]}}",
                        400, "InvalidParameter"))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedAdminRequestGetsItsJsonErrorAndChangesNothing(Refusal x) {
        String bearer = "client".equals(x.bearer()) ? server.guestLogin().get("access_token").asText() : x.bearer();
        String before = call("GET", "/apps/" + server.appId(), null).body();

        Http.Reply r = Http.send(x.method(), base + x.path(), bearer, x.body());

        assertThat(r.status()).as(r.body()).isEqualTo(x.status());
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.json().get("error_code").asText()).isEqualTo(x.code());
        assertThat(call("GET", "/apps/" + server.appId(), null).body()).isEqualTo(before);
    }

    @Test
    void usersAreListedWithFiltersAndACursorAcrossPages() {
        for (int i = 0; i < 5; i++) {
            server.guestLogin();
        }
        String app = "/apps/" + server.appId();
        long guests = call("POST", app + "/users/bulk-delete", "{\"kind\":\"anonymous\"}").json().get("count").asLong();

        JsonNode first = call("GET", app + "/users?kind=anonymous&limit=2", null).json();
        JsonNode second = call("GET", app + "/users?kind=anonymous&limit=2&cursor=" + first.get("next_cursor").asText(), null).json();

        assertThat(first.get("users")).hasSize(2);
        assertThat(second.get("users").get(0).get("id").asText()).isGreaterThan(first.get("users").get(1).get("id").asText());
        assertThat(guests).isGreaterThanOrEqualTo(5);
        assertThat(call("GET", app + "/users?kind=linked", null).json().get("users")).isEmpty();
    }

    @Test
    void disableRevokeAndDeleteAUserWithVisibleEffects() {
        JsonNode guest = server.guestLogin();
        String user = "/apps/" + server.appId() + "/users/" + guest.get("user_id").asText();

        assertThat(call("POST", user + "/disable", null).json().get("disabled").asBoolean()).isTrue();
        assertThat(server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null)
                .json().get("error_code").asText()).isEqualTo("UserDisabled");
        assertThat(call("POST", user + "/enable", null).json().get("disabled").asBoolean()).isFalse();
        JsonNode detail = call("GET", user, null).json();
        assertThat(detail.get("identities").get(0).get("provider_type").asText()).isEqualTo("anon-user");
        assertThat(detail.get("sessions")).hasSize(1);
        assertThat(call("POST", user + "/revoke", null).json().get("revoked").asInt()).isEqualTo(1);
        assertThat(server.send("POST", server.client("/auth/session"), guest.get("refresh_token").asText(), null).status()).isEqualTo(401);
        assertThat(call("DELETE", user, null).status()).isEqualTo(204);
        assertThat(call("GET", user, null).status()).isEqualTo(404);
        assertThat(server.atrium.store().events().recent(server.appId(), 1).get(0).detail()).isEqualTo("admin");
    }

    @Test
    void bulkDeleteCountsFirstThenDeletesOnlyTheMatchingUsers() {
        server.enable("local-userpass", Map.of());
        server.send("POST", server.provider("local-userpass", "register"), null, "{\"email\":\"k@b.co\",\"password\":\"secret1\"}");
        JsonNode keeper = server.guestLogin();
        server.send("POST", server.provider("local-userpass", "login?link=true"), keeper.get("access_token").asText(),
                "{\"username\":\"k@b.co\",\"password\":\"secret1\"}");
        server.guestLogin();
        String app = "/apps/" + server.appId();
        long dry = call("POST", app + "/users/bulk-delete", "{\"kind\":\"anonymous\",\"dry_run\":true}").json().get("count").asLong();

        JsonNode done = call("POST", app + "/users/bulk-delete", "{\"kind\":\"anonymous\",\"dry_run\":false}").json();

        assertThat(done.get("count").asLong()).isEqualTo(dry).isPositive();
        assertThat(call("GET", app + "/users?kind=anonymous", null).json().get("users")).isEmpty();
        assertThat(call("GET", app + "/users/" + keeper.get("user_id").asText(), null).status()).isEqualTo(200);
    }

    @Test
    void bulkDeleteWithNoFilterDeletesOnlyWithAllTrue() {
        server.guestLogin();
        server.guestLogin();
        String app = "/apps/" + server.appId();

        Http.Reply refused = call("POST", app + "/users/bulk-delete", "{\"dry_run\":false}");
        long counted = call("POST", app + "/users/bulk-delete", "{}").json().get("count").asLong();
        JsonNode done = call("POST", app + "/users/bulk-delete", "{\"dry_run\":false,\"all\":true}").json();

        assertThat(refused.json().get("error").asText()).contains("every user");
        assertThat(counted).as("a dry run with no filter counts everyone, refused or not").isGreaterThanOrEqualTo(2);
        assertThat(done.get("count").asLong()).isEqualTo(counted);
        assertThat(call("GET", app + "/users", null).json().get("users")).isEmpty();
    }

    @Test
    void settingsPatchKeepsOmittedValuesAndHidesTheWebhookSecret() {
        String app = "/apps/" + server.appId();

        JsonNode s = call("PATCH", app + "/settings", "{\"guest_burst\":7,\"webhook_url\":\"https://h.example/e\",\"webhook_secret\":\"shh\"}").json();

        assertThat(s.get("guest_burst").asInt()).isEqualTo(7);
        assertThat(s.get("inactivity_s").asLong()).isEqualTo(90L * 24 * 3600);
        assertThat(s.get("webhook_secret_set").asBoolean()).isTrue();
        assertThat(s.has("webhook_secret")).isFalse();
        assertThat(call("GET", app, null).body()).doesNotContain("shh");
        call("PATCH", app + "/settings", "{\"guest_burst\":30,\"webhook_url\":null,\"webhook_secret\":null}");
    }

    @Test
    void aRefusedThrottleNamesEveryBadKey() {
        Http.Reply r = call("PATCH", "/apps/" + server.appId() + "/settings",
                "{\"login_failure_burst\":0,\"network_burst\":1.5,\"email_rate_per_hour\":3}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("login_failure_burst must be a whole number in 1..1000000")
                .contains("network_burst must be a whole number in 1..1000000").doesNotContain("email_rate_per_hour");
    }

    @Test
    void throttlesArePatchedLikeEveryOtherSetting() {
        String app = "/apps/" + server.appId();

        JsonNode s = call("PATCH", app + "/settings", "{\"login_failure_burst\":5,\"network_rate_per_minute\":120}").json();

        assertThat(s.get("login_failure_burst").asInt()).isEqualTo(5);
        assertThat(s.get("network_rate_per_minute").asInt()).isEqualTo(120);
        assertThat(s.get("email_burst").asInt()).as("omitted: the default").isEqualTo(3);
        call("PATCH", app + "/settings", "{\"login_failure_burst\":10,\"network_rate_per_minute\":60}");
    }

    @Test
    void providerToggleAppliesToTheClientApi() {
        String p = "/apps/" + server.appId() + "/providers/anon-user";

        assertThat(call("POST", p + "/disable", null).json().get("enabled").asBoolean()).isFalse();
        assertThat(server.send("POST", server.provider("anon-user", "login"), null, "{}").status()).isEqualTo(404);
        assertThat(call("POST", p + "/enable", null).json().get("enabled").asBoolean()).isTrue();
        assertThat(server.send("POST", server.provider("anon-user", "login"), null, "{}").status()).isEqualTo(200);
    }

    @Test
    void serverApiKeyLogsInAsAServerUserAndSigningKeysRotate() {
        String app = "/apps/" + server.appId();
        server.enable("api-key", Map.of());
        JsonNode key = call("POST", app + "/api_keys", "{\"name\":\"backend\"}").json();
        Http.Reply login = server.send("POST", server.provider("api-key", "login"), null, "{\"key\":\"" + key.get("key").asText() + "\"}");
        String oldKid = call("GET", app + "/signing_keys", null).json().get(0).get("kid").asText();

        String newKid = call("POST", app + "/signing_keys/rotate", null).json().get("kid").asText();

        assertThat(login.json().get("user_id").asText()).isEqualTo(key.get("user_id").asText());
        assertThat(server.send("GET", server.client("/auth/profile"), login.json().get("access_token").asText(), null)
                .json().get("type").asText()).isEqualTo("server");
        assertThat(call("GET", app + "/api_keys", null).json().get(0).has("key")).isFalse();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(call("GET", app + "/signing_keys", null).json().findValuesAsText("state")).containsExactly("active", "retired");
        assertThat(call("DELETE", app + "/api_keys/" + key.get("_id").asText(), null).status()).isEqualTo(204);
    }

    @Test
    void signingKeysShowThePublicJwkOfEitherAlgorithmAndNeverThePrivatePart() {
        String app = "/apps/" + call("POST", "/apps", "{\"name\":\"Keys\"}").json().get("id").asText();
        call("GET", app + "/signing_keys", null); // the first key (ES256) is made on first use
        call("POST", app + "/signing_keys/rotate", "{\"alg\":\"EdDSA\"}");

        JsonNode keys = call("GET", app + "/signing_keys", null).json();

        assertThat(keys).extracting(k -> k.get("alg").asText()).containsExactly("EdDSA", "ES256");
        assertThat(keys.get(0).get("public_jwk").get("kty").asText()).isEqualTo("OKP");
        assertThat(keys.get(1).get("public_jwk").get("kty").asText()).isEqualTo("EC");
        keys.forEach(k -> assertThat(k.get("public_jwk").has("d")).as("no private part").isFalse());
    }

    @Test
    void adminTokensAreCreatedShownOnceAndRevoked() {
        JsonNode created = call("POST", "/tokens", "{\"name\":\"ci\"}").json();
        String secret = created.get("token").asText();

        assertThat(Http.send("GET", base + "/apps", secret, null).status()).isEqualTo(200);
        assertThat(call("GET", "/tokens", null).body()).doesNotContain(secret);
        assertThat(Http.send("GET", base + "/tokens", secret, null).json()).filteredOn(t -> t.get("current").asBoolean())
                .extracting(t -> t.get("id").asText()).as("the list says which token asks").containsExactly(created.get("id").asText());
        assertThat(call("DELETE", "/tokens/" + created.get("id").asText(), null).status()).isEqualTo(204);
        assertThat(Http.send("GET", base + "/apps", secret, null).status()).isEqualTo(401);
    }

    @Test
    void statsCountGuestsAndConversionsPerHour() {
        server.guestLogin();

        JsonNode stats = call("GET", "/apps/" + server.appId() + "/stats?hours=2", null).json();

        assertThat(stats.get("hours")).hasSize(2);
        assertThat(stats.get("hours").get(1).get("guest_signups").asLong()).isPositive();
        assertThat(stats.get("users").get("total").asLong()).isPositive();
        assertThat(call("GET", "/apps/" + server.appId() + "/events?limit=5", null).json().get(0).get("type").asText()).startsWith("user.");
        assertThat(stats.get("conversions")).isEmpty();
        assertThat(stats.get("hours").get(1).get("conversions_by_provider").isObject()).isTrue();
    }

    @Test
    void mergedGuestIsAnAppSettingDeleteByDefault() {
        String settings = "/apps/" + server.appId() + "/settings";

        JsonNode before = call("GET", "/apps/" + server.appId(), null).json().get("settings");
        Http.Reply keep = call("PATCH", settings, "{\"merged_guest\":\"keep\"}");

        assertThat(before.get("merged_guest").asText()).isEqualTo("delete");
        assertThat(keep.status()).as(keep.body()).isEqualTo(200);
        assertThat(keep.json().get("merged_guest").asText()).isEqualTo("keep");
        assertThat(call("GET", "/apps/" + server.appId(), null).json().get("settings").get("merged_guest").asText()).isEqualTo("keep");
    }
}
