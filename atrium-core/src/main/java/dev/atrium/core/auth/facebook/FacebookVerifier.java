package dev.atrium.core.auth.facebook;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.IdpJson;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Facebook user access token for an app, as Facebook's "manually build a login flow"
 * guide says: {@code debug_token} must call it valid, a user token, issued to the configured
 * {@code app_id}; then {@code /me?fields=id,name,email} (with {@code appsecret_proof}, so apps that
 * require it work) must name the same user. The identity is that app-scoped user id; the profile
 * data {@code name} and {@code email} when the user granted them.
 */
public final class FacebookVerifier {
    static final String REFUSED = "Facebook access token refused: ";
    static final String GRAPH_FAILED = "Facebook access token not verified: the Graph API could not be used";

    private final OutboundHttp http;

    public FacebookVerifier(OutboundHttp http) {
        this.http = http;
    }

    /** The identity the token proves; AuthException (AuthError) naming why when it proves none. */
    public ExternalIdentity verify(FacebookSettings s, FacebookCredentials c) {
        Map<String, Object> debug = call(s.graph("debug_token", Map.of("input_token", c.accessToken())), s.appAccessToken());
        if (!(debug.get("data") instanceof Map<?, ?> data)) {
            throw failed("debug_token answered no data");
        }
        if (!Boolean.TRUE.equals(data.get("is_valid"))) {
            throw refused("not valid (expired, revoked or not a Facebook token)");
        }
        if (!s.appId().equals(String.valueOf(data.get("app_id")))) {
            throw refused("issued to another Facebook app");
        }
        if (data.get("type") != null && !"USER".equals(data.get("type")) || !(data.get("user_id") instanceof String userId)) {
            throw refused("not a user access token");
        }
        Map<String, Object> me = call(s.graph("me", Map.of("fields", "id,name,email",
                "appsecret_proof", proof(s.appSecret(), c.accessToken()))), c.accessToken());
        if (!userId.equals(me.get("id"))) {
            throw failed("/me answered id " + me.get("id") + ", debug_token user_id " + userId);
        }
        if (!ExternalIdentity.validSubject(userId)) {
            throw failed("user_id is not a usable id");
        }
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String field : new String[] {"name", "email"}) {
            if (me.get(field) instanceof String v) {
                profile.put(field, v);
            }
        }
        return new ExternalIdentity(userId, profile);
    }

    /** GETs {@code url} with {@code token} as bearer (kept out of URLs, which get logged); the JSON answer of a 2xx. */
    private Map<String, Object> call(URI url, String token) {
        OutboundHttp.Answer reply;
        try {
            reply = http.get(url, Map.of("Authorization", "Bearer " + token));
        } catch (OutboundHttp.Failure e) {
            throw failed(e.getMessage());
        }
        String path = url.getPath();
        if (!reply.ok()) {
            throw failed(path + " answered HTTP " + reply.status());
        }
        try {
            return IdpJson.object(reply);
        } catch (IllegalArgumentException e) {
            throw failed(path + ": " + e.getMessage());
        }
    }

    /** {@code appsecret_proof}: hex HMAC-SHA256 of the access token keyed with the app secret. */
    static String proof(String appSecret, String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }

    private static AuthException refused(String why) {
        return new AuthException(ErrorCode.AuthError, REFUSED + why);
    }

    private static AuthException failed(String detail) {
        return new AuthException(ErrorCode.AuthError, GRAPH_FAILED, "Graph API: " + detail);
    }
}
