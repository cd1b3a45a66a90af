package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/admin/v1/providers}: the installed providers as the registry has them (what the
 * console and the OpenAPI document follow), behind the admin token.
 */
class InstalledProvidersRouteTest {
    @TempDir
    Path dir;

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    /** The element of {@code array} whose {@code field} is {@code value}. */
    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private static JsonNode byType(JsonNode providers, String type) {
        return find(providers, "type", type);
    }

    private static JsonNode setting(JsonNode settings, String name) {
        return find(settings, "name", name);
    }

    @Test
    void providersWhenListedThenEveryInstalledProviderWithItsPolicyAndDeclaredSettings() throws Exception {
        try (TestServer server = TestServer.sqlite(dir)) {
            String token = Files.readString(dir.resolve("admin-token")).trim();
            String url = server.baseUrl() + "/api/admin/v1/providers";

            Http.Reply refused = Http.send("GET", url, null, null);
            Http.Reply r = Http.send("GET", url, token, null);

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("error_code").asText()).isEqualTo("AdminUnauthorized");
            assertThat(r.status()).isEqualTo(200);
            JsonNode list = r.json();
            assertThat(texts(list, "type")).isEqualTo(ProviderRegistry.installed().types());

            JsonNode anon = byType(list, "anon-user");
            assertThat(anon.at("/policy/admission").asText()).isEqualTo("guest_limits");
            assertThat(anon.at("/policy/linkable").asBoolean()).isFalse();
            assertThat(anon.at("/policy/link_refusal").asText()).isEqualTo("cannot add anonymous credentials to an existing user");
            assertThat(anon.at("/policy/logout").asText()).isEqualTo("deletes_user");
            assertThat(anon.path("settings")).isEmpty();
            assertThat(anon.path("description").asText()).isNotBlank();

            JsonNode custom = byType(list, "custom-token");
            assertThat(custom.at("/policy/admission").asText()).isEqualTo("network_throttle");
            assertThat(custom.at("/policy/linkable").asBoolean()).isTrue();
            assertThat(custom.at("/policy/link_refusal").isNull()).isTrue();
            assertThat(custom.at("/policy/logout").asText()).isEqualTo("ends_session");
            JsonNode secret = setting(custom.path("settings"), "shared_secret");
            assertThat(secret.path("secret").asBoolean()).as("write only").isTrue();
            assertThat(secret.path("min").asInt()).isEqualTo(32);
            JsonNode skew = setting(custom.path("settings"), "clock_skew_s");
            assertThat(skew.path("kind").asText()).isEqualTo("duration"); // whole seconds, shown as a duration
            assertThat(skew.path("max").asInt()).isEqualTo(300);
            assertThat(skew.path("default").asInt()).isEqualTo(60);
            assertThat(setting(custom.path("settings"), "audience").path("required").asBoolean()).isTrue();

            JsonNode userpass = byType(list, "local-userpass").path("settings");
            JsonNode smtp = setting(userpass, "smtp");
            assertThat(smtp.path("kind").asText()).isEqualTo("object");
            assertThat(setting(smtp.path("fields"), "password").path("secret").asBoolean()).isTrue();
            assertThat(setting(userpass, "confirmation").path("choices"))
                    .extracting(JsonNode::asText).containsExactly("auto", "email", "webhook");
        }
    }

    @Test
    void openApiWhenServedThenItsProviderTypeEnumIsTheInstalledProviders() {
        try (TestServer server = TestServer.sqlite(dir)) {
            JsonNode doc = Http.send("GET", server.baseUrl() + "/api/admin/v1/openapi.json", null, null).json();

            List<String> values = new ArrayList<>();
            doc.at("/components/schemas/ProviderType/enum").forEach(v -> values.add(v.asText()));
            assertThat(values).isEqualTo(ProviderRegistry.installed().types());
            assertThat(doc.at("/paths/~1api~1admin~1v1~1apps~1{appId}~1providers~1{type}/put/parameters/1/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/ProviderType");
        }
    }
}
