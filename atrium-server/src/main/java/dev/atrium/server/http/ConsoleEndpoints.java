package dev.atrium.server.http;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web console (docs/architecture.md, Surfaces): static files from the classpath folder {@code console/}, served
 * at {@code /console/}. The console is a client of the admin API like the CLI; it holds no secret
 * and the server gives it nothing but files.
 *
 * <p>Only single-segment names of a strict pattern ({@code [a-z0-9_-]} parts joined by single
 * dots) with a known extension are looked up, so no request can walk out of the folder; anything
 * else is the JSON 404 of every other unknown path. Every file goes out with {@code no-cache}
 * (revalidated by ETag, so an upgraded server never runs a stale module), a CSP that allows only
 * the console's own origin, and {@code nosniff}.
 */
final class ConsoleEndpoints {
    static final String ROOT = "/console";
    private static final String FOLDER = "console/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8");
    static final String CSP = "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'; "
            + "form-action 'self'";
    private static final HeaderName CSP_HEADER = HeaderNames.create("Content-Security-Policy");
    private static final HeaderName NOSNIFF = HeaderNames.create("X-Content-Type-Options");
    private static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    private static final HeaderName REFERRER_POLICY = HeaderNames.create("Referrer-Policy");

    /** Files read once (only files that exist: unknown names are not remembered, so they cannot fill memory). */
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();

    private record Asset(byte[] bytes, String contentType, String etag) {}

    void register(HttpRouting.Builder r) {
        r.get(ROOT, (req, res) -> {
            res.status(301);
            res.header(HeaderNames.LOCATION, ROOT + "/");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.send();
        });
        r.get(ROOT + "/", (req, res) -> serve(req, res, "index.html"));
        r.get(ROOT + "/{file}", (req, res) -> serve(req, res, req.path().pathParameters().get("file")));
        for (String path : new String[] {ROOT, ROOT + "/", ROOT + "/{file}"}) {
            r.any(path, (req, res) -> {
                throw new AuthException(ErrorCode.MethodNotAllowed,
                        "method " + req.prologue().method().text() + " is not allowed on this route");
            });
        }
    }

    private void serve(ServerRequest req, ServerResponse res, String name) {
        Asset asset = asset(name).orElseThrow(() -> new AuthException(ErrorCode.NotFound, "no route for " + req.path().path()));
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.ETAG, asset.etag());
        res.header(CSP_HEADER, CSP);
        res.header(NOSNIFF, "nosniff");
        res.header(FRAME_OPTIONS, "DENY");
        res.header(REFERRER_POLICY, "no-referrer");
        boolean fresh = req.headers().first(HeaderNames.IF_NONE_MATCH).map(v -> v.contains(asset.etag())).orElse(false);
        if (fresh) {
            res.status(304);
            res.send();
            return;
        }
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        res.send(asset.bytes());
    }

    private Optional<Asset> asset(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(assets.computeIfAbsent(name, n -> load(n, type)));
    }

    /** The file {@code console/name} of the classpath, or null when there is none. */
    private static Asset load(String name, String contentType) {
        try (InputStream in = ConsoleEndpoints.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            String etag = "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 12) + "\"";
            return new Asset(bytes, contentType, etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
