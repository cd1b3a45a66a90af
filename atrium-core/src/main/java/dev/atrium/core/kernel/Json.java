package dev.atrium.core.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The one JSON mapper of the domain: stored JSON columns (provider config, custom data, identity
 * data) are read and written through it. Duplicate keys are an error, so an ambiguous document is
 * refused rather than silently resolved.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** The type of a JSON object read as a map, for {@code convertValue}. */
    public static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};

    private Json() {}

    /** {@code map} as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object text as a map; {@code null} or blank reads as an empty map. */
    public static Map<String, Object> readObject(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(text, MAP_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not an object: " + e.getOriginalMessage(), e);
        }
    }
}
