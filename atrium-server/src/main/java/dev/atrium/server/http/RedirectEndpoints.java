package dev.atrium.server.http;

import dev.atrium.api.ApiPaths;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.redirect.RedirectLogin;
import dev.atrium.core.redirect.SignInCallback;
import dev.atrium.core.redirect.SignInOutcome;
import dev.atrium.core.redirect.SignInStart;
import dev.atrium.core.redirect.SignInStarted;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The web redirect flow's two routes (realm-web's {@code Credentials.google({redirectUrl})} and
 * kin). {@code GET …/auth/providers/{provider}/login?state&redirect[&device][&link=true]} starts a
 * sign-in: a 302 to the provider, or with {@code providerRedirectHeader=true} (realm-web's link,
 * a CORS fetch with the access token) a 200 whose {@code X-BAAS-Location} says where, plus the
 * cookie binding the link to this browser. {@code GET|POST /auth/callback} (Apple POSTs its form)
 * is where every provider returns; it answers a 303 to the app's page with realm-web's fragment.
 * A request whose state or page cannot be trusted gets the JSON error and goes nowhere.
 */
final class RedirectEndpoints {
    static final String CALLBACK = ApiPaths.AUTH + "/callback";
    /** realm-web reads the provider's URL here when it asked with {@code providerRedirectHeader=true}. */
    static final String LOCATION_HEADER = "X-BAAS-Location";

    private final RedirectLogin redirects;
    private final Supplier<String> publicUrl;
    private final ClientAddresses clients;
    private final Callers callers;

    RedirectEndpoints(RedirectLogin redirects, Supplier<String> publicUrl, ClientAddresses clients, Callers callers) {
        this.redirects = redirects;
        this.publicUrl = publicUrl;
        this.clients = clients;
        this.callers = callers;
    }

    void register(HttpRouting.Builder r) {
        r.get(LoginEndpoints.LOGIN, this::start);
        r.get(CALLBACK, this::callback);
        r.post(CALLBACK, this::callback);
    }

    private void start(ServerRequest req, ServerResponse res) {
        boolean link = flag(req, "link");
        SignInStart start = new SignInStart(req.path().pathParameters().get("appId"),
                req.path().pathParameters().get("provider"), req.query().first("state").orElse(null),
                req.query().first("redirect").orElse(null), link ? null : SignInReturn.deviceId(req.query().first("device").orElse(null)),
                callbackUrl(), clients.key(req));
        SignInStarted started = link ? redirects.link(start, callers.access(req)) : redirects.login(start);
        SignInReturn.noStore(res);
        if (started.binding() != null) {
            res.headers().addCookie(SignInReturn.bindingCookie(started.binding(), secure()));
        }
        if (flag(req, "providerRedirectHeader")) {
            res.header(LOCATION_HEADER, started.location().toString());
            res.status(200);
        } else {
            res.header(HeaderNames.LOCATION, started.location().toString());
            res.status(302);
        }
        res.send();
    }

    private void callback(ServerRequest req, ServerResponse res) {
        Map<String, String> params = req.prologue().method().equals(Method.POST) ? form(req) : query(req);
        String binding = req.headers().cookies().first(SignInReturn.BINDING_COOKIE).orElse(null);
        SignInOutcome outcome = redirects.finish(new SignInCallback(params.get("state"), params.get("code"),
                params.get("error"), binding, callbackUrl(), clients.key(req)));
        String error = outcome instanceof SignInOutcome.Failure f ? ErrorMapper.log(req, f.cause()).message() : null;
        SignInReturn.noStore(res);
        if (binding != null) {
            res.headers().addCookie(SignInReturn.expiredBindingCookie(secure()));
        }
        res.header(HeaderNames.LOCATION, SignInReturn.url(outcome, error));
        res.status(303);
        res.send();
    }

    private URI callbackUrl() {
        return URI.create(publicUrl.get() + CALLBACK);
    }

    private boolean secure() {
        return publicUrl.get().startsWith("https:");
    }

    private static boolean flag(ServerRequest req, String name) {
        return req.query().first(name).map("true"::equalsIgnoreCase).orElse(false);
    }

    private static Map<String, String> query(ServerRequest req) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : new String[] {"state", "code", "error"}) {
            req.query().first(name).ifPresent(v -> m.put(name, v));
        }
        return m;
    }

    /** Apple's {@code form_post}: a url-encoded form of a few hundred bytes (its {@code user} JSON included). */
    private static Map<String, String> form(ServerRequest req) {
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes(Requests.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new AuthException(ErrorCode.BadRequest, "unreadable body");
        }
        if (body.length > Requests.MAX_BODY_BYTES) {
            throw new AuthException(ErrorCode.PayloadTooLarge, "request body exceeds " + Requests.MAX_BODY_BYTES + " bytes");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    m.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw new AuthException(ErrorCode.BadRequest, "malformed form body");
                }
            }
        }
        return m;
    }
}
