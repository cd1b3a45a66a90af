package dev.atrium.server.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import io.helidon.webserver.http.HttpRouting;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document describes exactly the admin routes the server has. */
class OpenApiRoutesTest {
    @TempDir
    Path dir;

    @Test
    void documentServedAtItsStablePathListsExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        AdminRouter.register(HttpRouting.builder(), new AdminServices(null, null, null, null, null, null, null, null, null))
                .forEach(r -> registered.add(r.method() + " " + r.path()));

        JsonNode doc;
        try (TestServer server = TestServer.sqlite(dir)) {
            Http.Reply r = Http.send("GET", server.baseUrl() + "/api/admin/v1/openapi.json", null, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("application/json");
            doc = r.json();
        }
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));

        assertThat(documented).isEqualTo(registered);
        List<String> operationIds = new java.util.ArrayList<>();
        doc.get("paths").forEach(ops -> ops.forEach(op -> operationIds.add(op.path("operationId").asText(""))));
        assertThat(operationIds).as("every operation has an operationId, each its own").doesNotContain("").doesNotHaveDuplicates()
                .hasSize(registered.size());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Set<String> settings = new TreeSet<>();
        doc.at("/components/schemas/Settings/properties").fieldNames().forEachRemaining(settings::add);
        assertThat(settings).as("the Settings schema names every settings key")
                .containsAll(dev.atrium.core.apps.AppSettings.DEFAULTS.toMap().keySet());
    }
}
