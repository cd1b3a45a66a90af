package dev.atrium.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/** Reads what requests carry: a bounded JSON object body and a bearer token. */
public final class Requests {
    /** Bodies above this are refused before parsing (a login body is a few hundred bytes). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String BEARER = "atrium.bearer";
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Requests() {}

    /**
     * The body as a JSON object; an absent or empty body reads as {@code {}}. Anything else (an
     * array, a string, malformed JSON, trailing garbage) is BadRequest; over 64 KiB is PayloadTooLarge.
     */
    public static ObjectNode jsonObject(ServerRequest req) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return jsonObject(readBounded(req, declared));
    }

    /** {@link #jsonObject(ServerRequest)}'s parsing of a body already read (at most 64 KiB). */
    public static ObjectNode jsonObject(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try {
            node = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Jackson's own text names its classes and features: the caller gets where, not how.
            var at = e.getLocation();
            throw new AuthException(ErrorCode.BadRequest, "malformed JSON body"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw new AuthException(ErrorCode.BadRequest, "unreadable body");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new AuthException(ErrorCode.BadRequest, "the body must be a JSON object");
        }
        return object;
    }

    /**
     * Reads at most one byte past the limit, or past the declared length when there is one: the
     * JDK reads into a buffer of the asked length up to 16 KiB, so asking for the limit allocated
     * 16 KiB for every two-byte login body (the top allocation site under load, docs/performance.md).
     */
    private static byte[] readBounded(ServerRequest req, long declared) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared + 1 : MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new AuthException(ErrorCode.BadRequest, "unreadable body");
        }
    }

    private static AuthException tooLarge() {
        return new AuthException(ErrorCode.PayloadTooLarge, "request body exceeds " + MAX_BODY_BYTES + " bytes");
    }

    /**
     * The bearer token of the Authorization header; InvalidSession when there is none (issue: missing
     * token → 401). Remembered for the request: CORS on the routes without an app in the path applies
     * the app of the token the route authenticated with ({@link Cors}).
     */
    public static String bearer(ServerRequest req) {
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse(null);
        if (header == null) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: missing Authorization header");
        }
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw new AuthException(ErrorCode.InvalidSession, "invalid session: Authorization must be 'Bearer <token>'");
        }
        String token = header.substring(space + 1).trim();
        req.context().register(BEARER, token);
        return token;
    }

    /** The bearer token a route read with {@link #bearer}, if it read one. */
    static Optional<String> bearerUsed(ServerRequest req) {
        return req.context().get(BEARER, String.class);
    }
}
