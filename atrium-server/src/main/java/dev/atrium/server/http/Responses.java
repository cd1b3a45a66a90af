package dev.atrium.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/**
 * Writes response bodies. JSON goes out with {@code Content-Type: application/json} exactly: core
 * parses error bodies only under that exact value (docs/client-api.md, Errors). Empty successes are 204 with neither
 * body nor Content-Type, the one empty form realm-web accepts (docs/client-api.md, Conventions).
 */
public final class Responses {
    /**
     * Wire JSON: record components in snake_case, nulls omitted. A component that starts with an
     * underscore is written as is ({@code _id} of API keys, docs/client-api.md, User and session routes), which SNAKE_CASE would strip.
     */
    public static final ObjectMapper WIRE = JsonMapper.builder()
            .propertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
                private final PropertyNamingStrategies.NamingBase snake =
                        (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

                @Override
                public String translate(String name) {
                    return name.startsWith("_") ? name : snake.translate(name);
                }
            })
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** The admin API's JSON: like {@link #WIRE} but nulls are written (its contract has nullable fields). */
    private static final ObjectMapper ADMIN = WIRE.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private Responses() {}

    /** Sends {@code body} as JSON with explicit nulls (admin API). */
    public static void jsonWithNulls(ServerResponse res, int status, Object body) {
        send(res, status, body, ADMIN);
    }

    /** Sends {@code body} as JSON with {@code status}. */
    public static void json(ServerResponse res, int status, Object body) {
        send(res, status, body, WIRE);
    }

    private static void send(ServerResponse res, int status, Object body, ObjectMapper mapper) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes);
    }

    /** Sends 204 with no body and no Content-Type. */
    public static void noContent(ServerResponse res) {
        res.status(204);
        res.send();
    }
}
