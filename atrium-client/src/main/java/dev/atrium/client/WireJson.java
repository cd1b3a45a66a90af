package dev.atrium.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * JSON on the wire: the {@code dev.atrium.api} records with camelCase components written
 * snake_case, unknown fields ignored (servers may add some, docs/client-api.md, Login and linking "accept unknown fields" works
 * both ways), nulls omitted.
 */
final class WireJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body not serialisable", e);
        }
    }

    /** Reads an answer of {@code route} as {@code type}; MalformedJson when it is not that JSON. */
    static <T> T read(byte[] body, Class<T> type, String route) {
        if (body == null || body.length == 0) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answered with an empty body");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ClientException(ClientErrorCode.MalformedJson, route + " answered with null");
            }
            return value;
        } catch (IOException e) {
            throw new ClientException(ClientErrorCode.MalformedJson, route + " answered with malformed JSON", e);
        }
    }

    /** Reads an answer of {@code route} as a tree. */
    static JsonNode tree(byte[] body, String route) {
        return read(body, JsonNode.class, route);
    }

    /** {@code value} when present; MissingJsonKey naming the field otherwise (core fails the same way, docs/client-api.md, Login and linking). */
    static String require(String value, String key, String route) {
        if (value == null || value.isEmpty()) {
            throw new ClientException(ClientErrorCode.MissingJsonKey, route + " answer lacks '" + key + "'");
        }
        return value;
    }
}
