package dev.atrium.server.http;

import com.nimbusds.jose.jwk.JWKSet;
import dev.atrium.api.ApiPaths;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.TokenService;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Token verification for resource servers (docs/architecture.md, Surfaces): the app's JWKS (active and retired public
 * keys) and an OpenID-style discovery document whose {@code issuer} equals the tokens' {@code iss}
 * and whose {@code id_token_signing_alg_values_supported} names the algorithms of those keys.
 */
final class WellKnownEndpoints {
    static final String JWKS = ApiPaths.APP + "/{appId}/.well-known/jwks.json";
    static final String DISCOVERY = ApiPaths.APP + "/{appId}/.well-known/openid-configuration";

    private final AppDirectory apps;
    private final KeyRing keys;
    private final TokenService tokens;

    WellKnownEndpoints(AppDirectory apps, KeyRing keys, TokenService tokens) {
        this.apps = apps;
        this.keys = keys;
        this.tokens = tokens;
    }

    void register(HttpRouting.Builder r) {
        r.get(JWKS, this::jwks);
        r.get(DISCOVERY, this::discovery);
    }

    private void jwks(ServerRequest req, ServerResponse res) {
        String appId = apps.requireApp(req.path().pathParameters().get("appId")).id();
        Map<String, Object> body = new JWKSet(List.copyOf(keys.publicKeys(appId))).toJSONObject(true);
        // Short enough that a verifier sees a rotated key well within the old key's overlap.
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=60");
        Responses.json(res, 200, body);
    }

    private void discovery(ServerRequest req, ServerResponse res) {
        String appId = apps.requireApp(req.path().pathParameters().get("appId")).id();
        String issuer = tokens.issuer(appId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer);
        body.put("jwks_uri", issuer + "/.well-known/jwks.json");
        // The algorithms of the keys in the JWKS, not a fixed list: verifiers that configure
        // themselves from discovery accept exactly what this app's tokens may carry.
        body.put("id_token_signing_alg_values_supported", keys.algorithms(appId).stream().map(a -> a.getName()).toList());
        body.put("subject_types_supported", List.of("public"));
        body.put("response_types_supported", List.of("token"));
        body.put("claims_supported", List.of("iss", "aud", "sub", "iat", "exp", "typ", "sid", "is_anonymous", "amr",
                "baas_device_id", "user_data"));
        Responses.json(res, 200, body);
    }
}
