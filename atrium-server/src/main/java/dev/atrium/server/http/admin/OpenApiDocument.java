package dev.atrium.server.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.core.kernel.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves the admin API's OpenAPI document from the classpath ({@code admin/openapi.json}), without
 * auth. The {@code ProviderType} schema's enum is filled in from the installed providers, so the
 * document names exactly the providers this server has and a new provider needs no edit here.
 */
final class OpenApiDocument {
    static final String RESOURCE = "/admin/openapi.json";
    static final String PROVIDER_TYPE = "/components/schemas/ProviderType";

    private final Supplier<List<String>> providerTypes;
    private volatile byte[] bytes;

    OpenApiDocument(Supplier<List<String>> providerTypes) {
        this.providerTypes = providerTypes;
    }

    void serve(ServerRequest req, ServerResponse res) {
        byte[] b = bytes;
        if (b == null) { // built on first use: the installed providers do not change while the server runs
            b = build();
            bytes = b;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(b);
    }

    private byte[] build() {
        try {
            ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(load());
            if (!(doc.at(PROVIDER_TYPE) instanceof ObjectNode schema)) {
                throw new IllegalStateException(RESOURCE + " has no " + PROVIDER_TYPE + " schema");
            }
            ArrayNode values = schema.putArray("enum");
            providerTypes.get().forEach(values::add);
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
