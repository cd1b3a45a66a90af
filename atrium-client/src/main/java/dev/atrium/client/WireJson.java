package dev.atrium.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON on the wire, through Jackson's tree model only: answers are read as {@link JsonNode}s and
 * their fields picked by their snake_case names; request bodies are maps. No Java record is ever
 * bound by Jackson here, because on Android before 14 records are desugared and Jackson's record
 * support does not see them; the {@code dev.atrium.api} records are built by hand from the trees.
 * Unknown fields are ignored (servers may add some).
 */
final class WireJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    /** A request body (maps, lists, strings, numbers) as JSON bytes. */
    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body not serialisable", e);
        }
    }

    /** Reads an answer of {@code route} as a tree; MalformedJson when it is empty, null or not JSON. */
    static JsonNode tree(byte[] body, String route) {
        if (body == null || body.length == 0) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answered with an empty body");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answered with malformed JSON", e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answered with null");
        }
        return node;
    }

    /** Reads an answer of {@code route} that must be a JSON object. */
    static JsonNode object(byte[] body, String route) {
        JsonNode node = tree(body, route);
        if (!node.isObject()) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answer is not a JSON object");
        }
        return node;
    }

    /** The string field {@code name} of {@code object}, or null when absent or not a string. */
    static String text(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** {@code value} when present; MissingJsonKey naming the field otherwise (core fails the same way). */
    static String require(String value, String key, String route) {
        if (value == null || value.isEmpty()) {
            throw new ClientException(ClientErrorCode.MissingJsonKey, route + " answer lacks '" + key + "'");
        }
        return value;
    }

    /**
     * A JSON object as an ordered, unmodifiable map of plain values (Jackson's untyped binding:
     * maps, lists, strings, Integer/Long/BigInteger/Double, booleans, nulls; no records involved).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode object) {
        return Collections.unmodifiableMap(MAPPER.convertValue(object, LinkedHashMap.class));
    }
}
