package dev.atrium.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atrium.api.ErrorCode;
import dev.atrium.api.LoginResponse;
import dev.atrium.core.idp.web.AuthorizationUrl;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.redirect.RedirectLogin;
import dev.atrium.core.redirect.SignInOutcome;
import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the web redirect flow reads from and writes to the browser besides its routing: realm-web's
 * {@code device} parameter, the cookie that binds a link to the browser that started it, and the
 * app page's URL with the fragment realm-web's {@code handleAuthRedirect} parses
 * ({@code _baas_client_app_id}, {@code _baas_ua} = {@code access$refresh$userId$deviceId},
 * {@code _baas_link}, {@code _baas_error}, {@code _baas_state}). A fragment, because browsers never
 * send it to the page's server or in a Referer.
 */
final class SignInReturn {
    /** The link's binding: HttpOnly, sent back only to the callback, gone after the flow's lifetime. */
    static final String BINDING_COOKIE = "atrium_link";

    private SignInReturn() {}

    /** The device id in realm-web's {@code device} (base64 of its device JSON), null when absent or new. */
    static String deviceId(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return null;
        }
        byte[] json;
        try {
            json = (encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new AuthException(ErrorCode.InvalidParameter, "device must be the base64 of a JSON object");
        }
        ObjectNode device = Requests.jsonObject(json);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("options").set("device", device);
        return DeviceIds.from(body);
    }

    /** Answers that hold tokens or one-time URLs are never cached nor sent on as a Referer. */
    static void noStore(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
    }

    /**
     * The binding cookie: {@code SameSite=None; Secure} behind https, so that it comes back with
     * Apple's cross-site POST too; {@code SameSite=Lax} on plain http (a browser refuses
     * {@code None} without {@code Secure}), where it comes back with the GET of Google and Facebook.
     */
    static SetCookie bindingCookie(String value, boolean https) {
        return cookie(value, https).maxAge(RedirectLogin.LIFETIME).build();
    }

    /** The binding cookie removed (expired in 1970: Helidon writes no {@code Max-Age=0}), once its callback came. */
    static SetCookie expiredBindingCookie(boolean https) {
        return cookie("", https).expires(Instant.EPOCH).build();
    }

    private static SetCookie.Builder cookie(String value, boolean https) {
        return SetCookie.builder(BINDING_COOKIE, value).path(RedirectEndpoints.CALLBACK).httpOnly(true)
                .secure(https).sameSite(https ? SetCookie.SameSite.NONE : SetCookie.SameSite.LAX);
    }

    /** The app's page with the outcome in its fragment; {@code error} is the text a Failure may show. */
    static String url(SignInOutcome outcome, String error) {
        SignInOutcome.Page to = outcome.to();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("_baas_client_app_id", to.appId());
        if (outcome instanceof SignInOutcome.Success ok) {
            LoginResponse t = ok.tokens();
            p.put("_baas_ua", String.join("$", t.accessToken(), t.refreshToken() == null ? "" : t.refreshToken(), t.userId(),
                    t.deviceId()));
        } else {
            p.put("_baas_error", error);
        }
        if (to.link()) {
            p.put("_baas_link", "true");
        }
        p.put("_baas_state", to.clientState());
        return to.redirectUrl() + "#" + p.entrySet().stream()
                .map(e -> e.getKey() + "=" + AuthorizationUrl.encode(e.getValue())).collect(Collectors.joining("&"));
    }
}
