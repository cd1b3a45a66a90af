package dev.atrium.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Logins and links of one provider on a test server, and the checks every provider test makes. */
public final class ProviderCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer server;
    private final String type;

    public ProviderCalls(TestServer server, String type) {
        this.server = server;
        this.type = type;
    }

    /** {@code {k1: v1, k2: v2, …}} as JSON text; null values are left out. */
    public static String body(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    public Http.Reply login(String body) {
        return server.send("POST", server.provider(type, "login"), null, body);
    }

    /** Links the credentials in {@code body} to the user of {@code accessToken}. */
    public Http.Reply link(String accessToken, String body) {
        return server.send("POST", server.provider(type, "login?link=true"), accessToken, body);
    }

    public JsonNode profile(String accessToken) {
        Http.Reply r = server.send("GET", server.client("/auth/profile"), accessToken, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The user id of a successful login or link. */
    public static String userId(Http.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("user_id").asText();
    }

    /** {@code r} is the JSON error {@code status}/{@code code} whose text contains {@code text}. */
    public static void assertError(Http.Reply r, int status, String code, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error_code").asText()).as(r.body()).isEqualTo(code);
        assertThat(r.json().get("error").asText()).as(r.body()).contains(text);
    }
}
