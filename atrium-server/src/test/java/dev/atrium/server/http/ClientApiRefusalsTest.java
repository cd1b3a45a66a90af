package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.Tokens;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on the client API, as a table (docs/client-api.md, Errors): each request gets its documented
 * status and {@code error_code} in the JSON error form, with {@code Content-Type:
 * application/json} exactly, and changes nothing in the store.
 */
class ClientApiRefusalsTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static String otherApp;
    static String disabledApp;

    @BeforeAll
    static void start() {
        server = TestServer.sqlite(dir);
        Instant now = Instant.now();
        App other = Apps.newApp("other", now);
        server.atrium.store().apps().create(other, Apps.defaultProviders(other, now));
        otherApp = other.id();
        App disabled = Apps.newApp("no guests", now);
        List<ProviderConfig> providers = Apps.defaultProviders(disabled, now).stream().map(p -> p.withEnabled(false)).toList();
        server.atrium.store().apps().create(disabled, providers);
        disabledApp = disabled.id();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One row of the table: how to build the request (may log guests in first), what must come back. */
    record Scenario(String name, Function<TestServer, Req> request, int status, String errorCode, String errorContains) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Req(String method, String url, String bearer, String body, String authorization) {
        Req(String method, String url, String bearer, String body) {
            this(method, url, bearer, body, bearer == null ? null : "Bearer " + bearer);
        }
    }

    static Req login(String appId, String provider, String body) {
        return new Req("POST", server.client("/app/" + appId + "/auth/providers/" + provider + "/login"), null, body);
    }

    static Req anonLogin(String body) {
        return login(server.appId(), "anon-user", body);
    }

    static Req profile(String token) {
        return new Req("GET", server.client("/auth/profile"), token, null);
    }

    static Req refresh(String token) {
        return new Req("POST", server.client("/auth/session"), token, null);
    }

    static Req logout(String token) {
        return new Req("DELETE", server.client("/auth/session"), token, null);
    }

    static Req delete(String token) {
        return new Req("DELETE", server.client("/auth/delete"), token, null);
    }

    static String access(JsonNode guest) {
        return guest.get("access_token").asText();
    }

    static String refreshToken(JsonNode guest) {
        return guest.get("refresh_token").asText();
    }

    /** A real access token's claims with changes applied. */
    static JWTClaimsSet.Builder claimsOf(String token) {
        return new JWTClaimsSet.Builder(Tokens.claims(token));
    }

    static Stream<Scenario> refusals() {
        String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        return Stream.of(
                new Scenario("malformed JSON", s -> anonLogin("{\"options\":"), 400, "BadRequest", "malformed JSON"),
                new Scenario("JSON array body", s -> anonLogin("[{}]"), 400, "BadRequest", "JSON object"),
                new Scenario("JSON string body", s -> anonLogin("\"hello\""), 400, "BadRequest", "JSON object"),
                new Scenario("JSON number body", s -> anonLogin("42"), 400, "BadRequest", "JSON object"),
                new Scenario("trailing garbage after the object", s -> anonLogin("{} {}"), 400, "BadRequest", "malformed"),
                new Scenario("duplicate keys", s -> anonLogin("{\"options\":{},\"options\":{}}"), 400, "BadRequest", "malformed"),
                new Scenario("options is a string", s -> anonLogin("{\"options\":\"x\"}"), 400, "InvalidParameter", "options"),
                new Scenario("options.device is a number", s -> anonLogin("{\"options\":{\"device\":5}}"), 400, "InvalidParameter", "device"),
                new Scenario("deviceId is a number", s -> anonLogin("{\"options\":{\"device\":{\"deviceId\":42}}}"), 400, "InvalidParameter", "deviceId"),
                new Scenario("deviceId is not hex", s -> anonLogin("{\"options\":{\"device\":{\"deviceId\":\"zz\"}}}"), 400, "InvalidParameter", "deviceId"),
                new Scenario("deviceId $oid is a number", s -> anonLogin("{\"options\":{\"device\":{\"deviceId\":{\"$oid\":1}}}}"), 400, "InvalidParameter", "deviceId"),
                new Scenario("body over 64 KiB", s -> anonLogin(big), 413, "PayloadTooLarge", "65536"),
                new Scenario("unknown app: login", s -> login("no-such-app", "anon-user", "{}"), 404, "AppNotFound", "no-such-app"),
                new Scenario("unknown app: location", s -> new Req("GET", s.client("/app/no-such-app/location"), null, null), 404, "AppNotFound", "no-such-app"),
                new Scenario("unknown app: jwks", s -> new Req("GET", s.client("/app/no-such-app/.well-known/jwks.json"), null, null), 404, "AppNotFound", "no-such-app"),
                new Scenario("unknown provider", s -> login(s.appId(), "oauth2-myspace", "{}"), 404, "AuthProviderNotFound", "oauth2-myspace"),
                new Scenario("disabled provider", s -> login(disabledApp, "anon-user", "{}"), 404, "AuthProviderNotFound", "anon-user"),
                new Scenario("link with anonymous credentials", s -> new Req("POST",
                        s.client("/app/" + s.appId() + "/auth/providers/anon-user/login?link=true"), access(s.guestLogin()), "{}"),
                        409, "LinkRefused", "anonymous"),
                new Scenario("profile without token", s -> profile(null), 401, "InvalidSession", "missing"),
                new Scenario("profile with Basic auth", s -> new Req("GET", s.client("/auth/profile"), null, null,
                        "Basic dXNlcjpwYXNz"), 401, "InvalidSession", "Bearer"),
                new Scenario("profile with garbled token", s -> profile("not.a.jwt"), 401, "InvalidSession", "malformed"),
                new Scenario("profile with two-part token", s -> profile("abc.def"), 401, "InvalidSession", "malformed"),
                new Scenario("profile with expired access token", s -> profile(Tokens.signWithAppKey(s.atrium.store(), s.appId(),
                        claimsOf(access(s.guestLogin())).expirationTime(Date.from(Instant.now().minusSeconds(60))).build())),
                        401, "InvalidSession", "expired"),
                new Scenario("profile with an access token issued beyond the skew in the future", s -> profile(Tokens.signWithAppKey(
                        s.atrium.store(), s.appId(), claimsOf(access(s.guestLogin()))
                                .issueTime(Date.from(s.clock.instant().plusSeconds(61))).build())),
                        401, "InvalidSession", "issued in the future"),
                new Scenario("profile with an access token not valid before a time beyond the skew", s -> profile(Tokens.signWithAppKey(
                        s.atrium.store(), s.appId(), claimsOf(access(s.guestLogin()))
                                .notBeforeTime(Date.from(s.clock.instant().plusSeconds(61))).build())),
                        401, "InvalidSession", "not valid yet"),
                new Scenario("refresh with a refresh token issued beyond the skew in the future", s -> refresh(Tokens.signRefreshWithAppKey(
                        s.atrium.store(), s.appId(), claimsOf(refreshToken(s.guestLogin()))
                                .issueTime(Date.from(s.clock.instant().plusSeconds(61))).build())),
                        401, "InvalidSession", "issued in the future"),
                new Scenario("refresh with a refresh token not valid before a time beyond the skew", s -> refresh(Tokens.signRefreshWithAppKey(
                        s.atrium.store(), s.appId(), claimsOf(refreshToken(s.guestLogin()))
                                .notBeforeTime(Date.from(s.clock.instant().plusSeconds(61))).build())),
                        401, "InvalidSession", "not valid yet"),
                new Scenario("profile with wrongly signed token", s -> {
                    String token = access(s.guestLogin());
                    return profile(Tokens.signWithForeignKey(Tokens.kid(token), Tokens.claims(token)));
                }, 401, "InvalidSession", "signature"),
                new Scenario("profile with tampered payload", s -> {
                    String[] parts = access(s.guestLogin()).split("\\.");
                    String other = access(s.guestLogin()).split("\\.")[1];
                    return profile(parts[0] + "." + other + "." + parts[2]);
                }, 401, "InvalidSession", "signature"),
                new Scenario("profile with alg none", s -> profile(Tokens.unsigned(Tokens.claims(access(s.guestLogin())))),
                        401, "InvalidSession", "malformed"),
                new Scenario("profile with token claiming another app", s -> profile(Tokens.signWithAppKey(s.atrium.store(), s.appId(),
                        claimsOf(access(s.guestLogin())).audience(otherApp).build())), 401, "InvalidSession", "signature"),
                new Scenario("profile with token of an unknown app", s -> profile(Tokens.signWithAppKey(s.atrium.store(), s.appId(),
                        claimsOf(access(s.guestLogin())).audience("no-such-app").build())), 401, "InvalidSession", "unknown app"),
                new Scenario("profile with a token that names no session", s -> profile(Tokens.signWithAppKey(s.atrium.store(), s.appId(),
                        claimsOf(access(s.guestLogin())).claim("sid", null).build())), 401, "InvalidSession", "no session"),
                new Scenario("profile with a token naming another user's session", s -> {
                    String victim = refreshToken(s.guestLogin());
                    return profile(Tokens.signWithAppKey(s.atrium.store(), s.appId(), claimsOf(access(s.guestLogin()))
                            .claim("sid", Tokens.claims(victim).getClaim("sid")).build()));
                }, 401, "InvalidSession", "session has ended"),
                new Scenario("profile with refresh token", s -> profile(refreshToken(s.guestLogin())), 401, "InvalidSession", "access token"),
                new Scenario("refresh with access token", s -> refresh(access(s.guestLogin())), 401, "InvalidSession", "refresh token"),
                new Scenario("logout with access token", s -> logout(access(s.guestLogin())), 401, "InvalidSession", "refresh token"),
                new Scenario("delete with refresh token", s -> delete(refreshToken(s.guestLogin())), 401, "InvalidSession", "access token"),
                new Scenario("refresh after logout", s -> {
                    String rt = refreshToken(s.guestLogin());
                    s.send("DELETE", s.client("/auth/session"), rt, null);
                    return refresh(rt);
                }, 401, "InvalidSession", "failed to find refresh token"),
                new Scenario("logout twice", s -> {
                    String rt = refreshToken(s.guestLogin());
                    s.send("DELETE", s.client("/auth/session"), rt, null);
                    return logout(rt);
                }, 401, "InvalidSession", "failed to find refresh token"),
                new Scenario("profile after logout", s -> {
                    JsonNode g = s.guestLogin();
                    s.send("DELETE", s.client("/auth/session"), refreshToken(g), null);
                    return profile(access(g));
                }, 401, "InvalidSession", "session has ended"),
                new Scenario("refresh after delete", s -> {
                    JsonNode g = s.guestLogin();
                    s.send("DELETE", s.client("/auth/delete"), access(g), null);
                    return refresh(refreshToken(g));
                }, 401, "InvalidSession", "failed to find refresh token"),
                new Scenario("delete twice", s -> {
                    String at = access(s.guestLogin());
                    s.send("DELETE", s.client("/auth/delete"), at, null);
                    return delete(at);
                }, 401, "InvalidSession", "session has ended"),
                new Scenario("refresh with forged session id", s -> refresh(Tokens.signRefreshWithAppKey(s.atrium.store(), s.appId(),
                        claimsOf(refreshToken(s.guestLogin())).claim("sid", "000000000000000000000001").build())),
                        401, "InvalidSession", "failed to find refresh token"),
                new Scenario("refresh token signed with the public-key algorithm", s -> refresh(Tokens.signWithAppKey(
                        s.atrium.store(), s.appId(), Tokens.claims(refreshToken(s.guestLogin())))),
                        401, "InvalidSession", "refresh token"),
                new Scenario("refresh of a disabled user", s -> {
                    JsonNode g = s.guestLogin();
                    s.atrium.store().users().setDisabled(s.appId(), g.get("user_id").asText(), true);
                    return refresh(refreshToken(g));
                }, 401, "UserDisabled", "disabled"),
                new Scenario("profile of a disabled user", s -> {
                    JsonNode g = s.guestLogin();
                    s.atrium.store().users().setDisabled(s.appId(), g.get("user_id").asText(), true);
                    return profile(access(g));
                }, 401, "UserDisabled", "disabled"),
                new Scenario("unknown route", s -> new Req("GET", s.client("/nothing/here"), null, null), 404, "NotFound", "no route"),
                new Scenario("wrong method on a route", s -> new Req("PUT", s.client("/auth/session"), null, null), 405, "MethodNotAllowed", "PUT"));
    }

    @org.junit.jupiter.api.Test
    void accessTokenIssuedOrValidFromWithinTheClockSkewIsAccepted() {
        Date soon = Date.from(server.clock.instant().plusSeconds(50));
        JsonNode guest = server.guestLogin();
        String accessToken = Tokens.signWithAppKey(server.atrium.store(), server.appId(),
                claimsOf(access(guest)).issueTime(soon).notBeforeTime(soon).build());

        assertThat(server.send("GET", server.client("/auth/profile"), accessToken, null).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedRequestGetsDocumentedJsonErrorAndChangesNothing(Scenario scenario) {
        Req req = scenario.request().apply(server);
        long users = server.count("users");
        long identities = server.count("identities");
        long sessions = server.count("sessions");

        Http.Reply reply = server.sendWithHeaders(req.method(), req.url(),
                req.authorization() == null ? java.util.Map.of() : java.util.Map.of("Authorization", req.authorization()), req.body());

        assertThat(reply.status()).as(reply.body()).isEqualTo(scenario.status());
        assertThat(reply.contentType()).isEqualTo("application/json");
        JsonNode body = reply.json();
        assertThat(body.path("error_code").asText()).isEqualTo(scenario.errorCode());
        assertThat(body.path("error").asText()).contains(scenario.errorContains());
        assertThat(body.path("link").asText()).startsWith("urn:atrium:request:")
                .endsWith(reply.raw().headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(server.count("users")).as("users").isEqualTo(users);
        assertThat(server.count("identities")).as("identities").isEqualTo(identities);
        assertThat(server.count("sessions")).as("sessions").isEqualTo(sessions);
    }
}
