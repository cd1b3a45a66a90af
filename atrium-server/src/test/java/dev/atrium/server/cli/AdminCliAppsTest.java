package dev.atrium.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The CLI over the admin API: apps, keys and providers through the API and on the
 * store, wrong tokens, unreachable servers, help.
 */
class AdminCliAppsTest extends AdminCliHarness {
    @Test
    void appsAndKeysThroughTheApiAndOnTheStoreSeeTheSameApps() throws IOException {
        start();

        String viaStore = store("apps", "create", "Store Game").out().trim().replace("app id: ", "");
        Run created = api("apps", "create", "Api Game");
        String viaApi = created.out().trim().replace("app id: ", "");
        Run listed = api("apps", "list");
        Run storeList = store("apps", "list");
        Run get = api("apps", "get", "--app", viaApi);
        Run getJson = api("apps", "get", "--app", viaApi, "--json");
        Run settings = api("apps", "settings", "--app", viaApi, "--inactivity", "30d", "--webhook-secret", "s3cr3t");
        Run configure = api("apps", "configure", "--app", viaApi, "--guest-burst", "7");
        Run badConfigure = api("apps", "configure", "--app", viaApi, "--inactivity", "1h");
        Run shown = api("apps", "settings", "--app", viaApi, "--json");
        Run rotatedViaApi = api("keys", "rotate", "--app", viaStore);
        Run rotatedOnStore = store("keys", "rotate", "--app", viaStore);
        Run keys = api("keys", "list", "--app", viaStore);
        Run keysJson = api("keys", "list", "--app", viaStore, "--json");

        assertThat(created.code()).as(created.err()).isZero();
        assertThat(viaApi).startsWith("api-game-");
        assertThat(listed.out()).contains(viaStore, viaApi, "Store Game", "Api Game", server.appId());
        assertThat(storeList.out()).contains(viaStore, viaApi);
        assertThat(get.out()).contains("Api Game").containsPattern("inactivity_s +7776000").containsPattern("anon-user +true");
        assertThat(getJson.json().get("name").asText()).isEqualTo("Api Game");
        assertThat(settings.out()).containsPattern("inactivity_s +2592000").containsPattern("webhook_secret_set +true")
                .doesNotContain("s3cr3t");
        assertThat(configure.out()).contains("settings of app " + viaApi).contains("guest_burst=7");
        assertThat(badConfigure.code()).isEqualTo(1);
        assertThat(badConfigure.err()).contains("InvalidParameter: activity_granularity must be shorter than inactivity");
        assertThat(shown.json().get("guest_burst").asInt()).isEqualTo(7);
        assertThat(shown.json().get("inactivity_s").asLong()).isEqualTo(2_592_000L);
        assertThat(rotatedViaApi.out()).contains("new signing key").contains(viaStore);
        assertThat(rotatedOnStore.out()).contains("new signing key");
        assertThat(keys.out().lines().findFirst().orElseThrow()).matches("KID +ALG +STATE +CREATED +RETIRED");
        assertThat(keysJson.json()).hasSize(3);
        assertThat(keysJson.json()).as("an app made by `apps create` signs ES256; rotating without --alg keeps it")
                .extracting(k -> k.get("alg").asText()).containsOnly("ES256");
        assertThat(api("keys", "list", "--app", viaApi, "--json").json())
                .extracting(k -> k.get("alg").asText()).containsExactly("ES256");
        String newest = rotatedOnStore.out().split(" ")[3];
        assertThat(keys.out()).contains(newest);

        Run edDsaViaApi = api("keys", "rotate", "--app", viaStore, "--alg", "EdDSA");
        Run edDsaOnStore = store("keys", "rotate", "--app", viaStore, "--alg", "EdDSA");
        Run rs256 = store("keys", "rotate", "--app", viaStore, "--alg", "RS256");
        Run afterSwitch = api("keys", "list", "--app", viaStore, "--json");

        assertThat(edDsaViaApi.code()).as(edDsaViaApi.err()).isZero();
        assertThat(edDsaOnStore.code()).as(edDsaOnStore.err()).isZero();
        assertThat(rs256.code()).isEqualTo(1);
        assertThat(rs256.err()).contains("alg must be one of");
        assertThat(afterSwitch.json()).extracting(k -> k.get("alg").asText()).contains("ES256", "EdDSA");
        assertThat(afterSwitch.json().get(0).get("alg").asText()).as("the newest key, EdDSA, is listed first").isEqualTo("EdDSA");
    }

    @Test
    void providersThroughTheApiTakeEffectAtOnce() throws IOException {
        start();
        String login = server.client("/app/" + server.appId() + "/auth/providers/anon-user/login");

        Run off = api("providers", "disable", "--app", server.appId(), "anon-user");
        Http.Reply refused = server.send("POST", login, (String) null, "{}");
        Run on = api("providers", "enable", "--app", server.appId(), "anon-user", "--json");

        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("anon-user disabled for app " + server.appId());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(on.json().get("enabled").asBoolean()).isTrue();
        assertThat(server.send("POST", login, (String) null, "{}").status()).isEqualTo(200);
    }

    @Test
    void allowedOriginsThroughTheApiAndOnTheStoreApplyToTheClientApiAndABadEntryChangesNothing() throws IOException {
        start();
        String app = server.appId();
        String location = server.client("/app/" + app + "/location");

        Run listed = api("apps", "configure", "--app", app, "--allowed-origins", "https://blog.example, https://*.Example.com");
        Run shown = api("apps", "settings", "--app", app);
        String blogAllowed = corsOrigin(location, "https://blog.example");
        String subdomainAllowed = corsOrigin(location, "https://a.example.com");
        String otherAllowed = corsOrigin(location, "https://other.example");
        Run badViaApi = api("apps", "configure", "--app", app, "--allowed-origins", "https://ok.example,https://blog.example/app");
        Run badOnStore = store("apps", "configure", "--app", app, "--allowed-origins", "*,ftp://files.example");
        Run afterBad = api("apps", "settings", "--app", app, "--json");
        Run none = store("apps", "configure", "--app", app, "--allowed-origins", "");
        String noneAllowed = corsOrigin(location, "https://blog.example");
        Run any = api("apps", "configure", "--app", app, "--allowed-origins", "*", "--json");
        String anyAllowed = corsOrigin(location, "https://other.example");

        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("allowed_origins=https://blog.example,https://*.example.com");
        assertThat(shown.out()).containsPattern("allowed_origins +https://blog.example,https://\\*.example.com");
        assertThat(blogAllowed).isEqualTo("https://blog.example");
        assertThat(subdomainAllowed).isEqualTo("https://a.example.com");
        assertThat(otherAllowed).as("an unlisted origin gets no CORS header").isNull();
        assertThat(badViaApi.code()).isEqualTo(1);
        assertThat(badViaApi.err()).contains("InvalidParameter: allowed_origins: 'https://blog.example/app' is not an origin: it has a path");
        assertThat(badOnStore.code()).isEqualTo(1);
        assertThat(badOnStore.err()).contains("InvalidParameter: allowed_origins: '*' (any origin) must be the only entry");
        assertThat(afterBad.json().get("allowed_origins")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .containsExactly("https://blog.example", "https://*.example.com");
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).contains("allowed_origins=[]");
        assertThat(noneAllowed).isNull();
        assertThat(any.json().get("allowed_origins")).extracting(com.fasterxml.jackson.databind.JsonNode::asText).containsExactly("*");
        assertThat(anyAllowed).isEqualTo("https://other.example");
    }

    /** The Access-Control-Allow-Origin a browser at {@code origin} would get from {@code url}, or null. */
    private static String corsOrigin(String url, String origin) {
        Http.Reply r = Http.sendWithHeaders("GET", url, java.util.Map.of("Origin", origin), null);
        assertThat(r.status()).isEqualTo(200);
        return r.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(null);
    }

    @Test
    void aWrongTokenGetsTheApisRefusalAndIsNeverEchoed() throws IOException {
        start();
        String wrong = "atr_not-the-right-one-0123456789";

        Run r = atrium("users", "list", "--app", server.appId(), "--url", server.baseUrl(), "--token", wrong);
        Run store = atrium("apps", "list", "--url", server.baseUrl(), "--token", wrong);

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("atrium: AdminUnauthorized: a valid admin token is required");
        assertThat(r.out() + r.err()).doesNotContain(wrong);
        assertThat(store.code()).isEqualTo(1);
        assertThat(store.out() + store.err()).contains("AdminUnauthorized").doesNotContain(wrong);
    }

    @Test
    void anUnreachableServerAMissingUrlOrAMissingTokenExitOne() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;

        Run down = atrium("users", "list", "--app", "a", "--url", url, "--token", "atr_x");
        Run noUrl = atrium("stats", "--app", "a", "--token", "atr_x");
        Run noToken = atrium("stats", "--app", "a", "--url", url, "--data-dir", dir.toString());
        Run badUrl = atrium("stats", "--app", "a", "--url", "127.0.0.1:9090", "--token", "atr_x");

        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("the server is not reachable at " + url);
        assertThat(noUrl.code()).isEqualTo(1);
        assertThat(noUrl.err()).contains("no server URL");
        assertThat(noToken.code()).isEqualTo(1);
        assertThat(noToken.err()).contains("no admin token").contains(dir.resolve("admin-token").toString());
        assertThat(badUrl.code()).isEqualTo(1);
        assertThat(badUrl.err()).contains("--url must be an http(s) URL");
    }

    @Test
    void withoutUrlTheOldCommandsWorkOnTheStoreWithNoServerAndJsonIsRefused() {
        store("migrate"); // the store commands need a store: migrate (or serve) makes it
        String id = store("apps", "create", "Offline").out().trim().replace("app id: ", "");
        Run list = store("apps", "list");
        Run rotate = store("keys", "rotate", "--app", id);
        Run provider = store("providers", "enable", "--app", id, "local-userpass");
        Run configure = store("apps", "configure", "--app", id, "--guest-burst", "5");
        Run json = store("apps", "list", "--json");

        assertThat(id).startsWith("offline-");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("ID +NAME +CREATED").contains(id, "Offline");
        assertThat(rotate.out()).contains("new signing key");
        assertThat(provider.out()).contains("local-userpass enabled for app " + id);
        assertThat(configure.out()).contains("guest_burst=5");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.err()).contains("--json needs --url");
    }

    @Test
    void throttlesAreConfiguredThroughTheApiAndOnTheStoreAndAnOutOfRangeValueIsNamedAndChangesNothing() throws IOException {
        start();
        String id = server.appId();

        Run viaApi = api("apps", "configure", "--app", id, "--login-failure-burst", "5", "--login-failure-rate-per-hour", "20",
                "--email-burst", "2", "--email-rate-per-hour", "4", "--network-burst", "50", "--network-rate-per-minute", "120");
        Run onStore = store("apps", "configure", "--app", id, "--network-burst", "40");
        Run outOfRange = api("apps", "configure", "--app", id, "--email-burst", "0", "--network-rate-per-minute", "2000000");
        Run shown = api("apps", "settings", "--app", id, "--json");

        assertThat(viaApi.code()).as(viaApi.err()).isZero();
        assertThat(viaApi.out()).contains("login_failure_burst=5", "login_failure_rate_per_hour=20", "email_burst=2",
                "email_rate_per_hour=4", "network_burst=50", "network_rate_per_minute=120");
        assertThat(onStore.out()).contains("network_burst=40", "login_failure_burst=5");
        assertThat(outOfRange.code()).isEqualTo(1);
        assertThat(outOfRange.err()).contains("InvalidParameter").contains("email_burst must be a whole number in 1..1000000")
                .contains("network_rate_per_minute must be a whole number in 1..1000000");
        assertThat(shown.json().get("email_burst").asInt()).as("nothing changed").isEqualTo(2);
        assertThat(shown.json().get("network_rate_per_minute").asInt()).isEqualTo(120);
        assertThat(shown.json().get("network_burst").asInt()).isEqualTo(40);
    }

    @Test
    void everySubcommandHasHelpListingItsOptions() {
        Run users = atrium("users", "list", "--help");
        Run configure = atrium("apps", "configure", "-h");

        assertThat(users.code()).isZero();
        assertThat(users.out()).contains("--inactive-since", "--cursor", "--url", "--token-file", "--json");
        assertThat(configure.code()).isZero();
        assertThat(configure.out()).contains("--webhook-url", "--allowed-origins", "--url", "--data-dir",
                "--login-failure-burst", "--email-rate-per-hour", "--network-rate-per-minute");
    }
}
