package dev.atrium.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.kernel.RequestFields;
import java.util.Map;

/**
 * A parsed JSON body as the domain's {@link RequestFields}: a field becomes a plain Java value only
 * when a provider or route reads it, so a guest login (which reads none) converts nothing.
 */
public final class JsonFields implements RequestFields {
    private final ObjectNode body;

    private JsonFields(ObjectNode body) {
        this.body = body;
    }

    public static RequestFields of(ObjectNode body) {
        return new JsonFields(body);
    }

    @Override
    public Object value(String name) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        return Json.MAPPER.convertValue(v, Object.class);
    }

    @Override
    public Map<String, Object> all() {
        return Json.MAPPER.convertValue(body, Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }
}
