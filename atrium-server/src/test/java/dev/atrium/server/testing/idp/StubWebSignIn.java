package dev.atrium.server.testing.idp;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The providers' sign-in pages and code exchanges of the web redirect flow, with nobody to click:
 * Google's authorization endpoint and Facebook's login dialog redirect straight back to the
 * {@code redirect_uri} with a code (or {@code error=access_denied} once {@link IdpStub#deny} was
 * called); Apple's answers the auto-submitting form of its {@code form_post}. The code is for the
 * person {@link IdpStub#signInAs} named, exchanges once, and only with the same client, secret and
 * {@code redirect_uri}: at Google's token endpoint, at Apple's (whose client secret must be signed
 * by the app's Apple key) and at the Graph API's {@code oauth/access_token}.
 */
final class StubWebSignIn {
    private final IdpStub stub;
    private final Map<String, Issued> appleCodes = new ConcurrentHashMap<>();
    private final Map<String, Issued> facebookCodes = new ConcurrentHashMap<>();
    /** Every authorization request's query, in order. */
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();
    /** Every Apple and Facebook code exchange's form, in order. */
    final List<Map<String, String>> exchanges = new CopyOnWriteArrayList<>();

    private record Issued(String token, String redirectUri) {}

    StubWebSignIn(IdpStub stub) {
        this.stub = stub;
    }

    void google(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        if (!IdpStub.GOOGLE_CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
            StubExchange.send(x, 400, "text/html", "<h1>Error 400: invalid_request</h1>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        back(x, q, () -> stub.googleTokens.code(stub.google.sign(claims(stub.google, q)), q.get("redirect_uri")), "");
    }

    void facebook(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        if (!IdpStub.FACEBOOK_APP_ID.equals(q.get("client_id"))) {
            StubExchange.send(x, 400, "text/html", "<h1>Invalid App ID</h1>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        IdpStub.Person p = stub.person;
        back(x, q, () -> put(facebookCodes, stub.facebookToken(p.sub(), p.name(), p.email()), q.get("redirect_uri")), "#_=_");
    }

    /** Apple answers a page whose form POSTs the code (or the error) to the redirect_uri at once. */
    void apple(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        authorizations.add(q);
        if (!IdpStub.APPLE_SERVICES_ID.equals(q.get("client_id")) || !"form_post".equals(q.get("response_mode"))) {
            StubExchange.send(x, 400, "text/html", "<h1>invalid_request</h1>".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        if (stub.denying) {
            fields.put("error", "user_cancelled_authorize");
        } else {
            fields.put("code", put(appleCodes, stub.apple.sign(claims(stub.apple, q)), q.get("redirect_uri")));
            fields.put("user", "{\"name\":{\"firstName\":\"" + stub.person.name() + "\",\"lastName\":\"Stub\"}}");
        }
        fields.put("state", q.get("state"));
        StringBuilder page = new StringBuilder("<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
                .append(html(q.get("redirect_uri"))).append("\">");
        fields.forEach((k, v) -> page.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(html(v)).append("\">"));
        StubExchange.send(x, 200, "text/html", page.append("</form></body></html>").toString().getBytes(StandardCharsets.UTF_8));
    }

    void appleToken(HttpExchange x) throws IOException {
        Map<String, String> form = StubExchange.form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchanges.add(form);
        if (!IdpStub.APPLE_SERVICES_ID.equals(form.get("client_id")) || !stub.appleKey.accepts(form.getOrDefault("client_secret", ""),
                IdpStub.APPLE_KEY_ID, IdpStub.APPLE_TEAM_ID, IdpStub.APPLE_SERVICES_ID, stub.apple.issuer)) {
            StubExchange.json(x, 400, Map.of("error", "invalid_client"));
            return;
        }
        Issued issued = take(appleCodes, form);
        if (issued == null) {
            StubExchange.json(x, 400, Map.of("error", "invalid_grant", "error_description", "The code has expired or has been revoked."));
            return;
        }
        StubExchange.json(x, 200, Map.of("access_token", "a" + UUID.randomUUID(), "token_type", "Bearer", "expires_in", 3600,
                "refresh_token", "r" + UUID.randomUUID(), "id_token", issued.token()));
    }

    void facebookToken(HttpExchange x) throws IOException {
        Map<String, String> form = StubExchange.form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchanges.add(form);
        if (!IdpStub.FACEBOOK_APP_ID.equals(form.get("client_id")) || !IdpStub.FACEBOOK_APP_SECRET.equals(form.get("client_secret"))) {
            StubExchange.json(x, 400, Map.of("error", Map.of("message", "Error validating client secret.", "type", "OAuthException", "code", 1)));
            return;
        }
        Issued issued = take(facebookCodes, form);
        if (issued == null) {
            StubExchange.json(x, 400, Map.of("error", Map.of("message", "This authorization code has been used.", "type", "OAuthException",
                    "code", 100, "error_subcode", 36009)));
            return;
        }
        StubExchange.json(x, 200, Map.of("access_token", issued.token(), "token_type", "bearer", "expires_in", 5183944));
    }

    /** Google and Facebook: straight back to the redirect_uri with a code, or with access_denied. */
    private void back(HttpExchange x, Map<String, String> q, java.util.function.Supplier<String> code, String fragment) throws IOException {
        authorizations.add(q);
        String to = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?")
                + (stub.denying ? "error=access_denied&error_reason=user_denied" : "code=" + enc(code.get()))
                + "&state=" + enc(q.get("state")) + fragment;
        x.getResponseHeaders().set("Location", to);
        StubExchange.send(x, 302, "text/plain", new byte[0]);
    }

    private JWTClaimsSet claims(StubIssuer issuer, Map<String, String> q) {
        IdpStub.Person p = stub.person;
        JWTClaimsSet.Builder b = issuer.claims(p.sub()).audience(q.get("client_id")).claim("email", p.email())
                .claim("email_verified", true);
        if (issuer == stub.google) {
            b.claim("name", p.name());
        }
        return (q.get("nonce") == null ? b : b.claim("nonce", q.get("nonce"))).build();
    }

    private static String put(Map<String, Issued> codes, String token, String redirectUri) {
        String code = "c" + UUID.randomUUID().toString().replace("-", "");
        codes.put(code, new Issued(token, redirectUri));
        return code;
    }

    private static Issued take(Map<String, Issued> codes, Map<String, String> form) {
        Issued issued = codes.remove(form.getOrDefault("code", ""));
        return issued != null && issued.redirectUri().equals(form.get("redirect_uri")) ? issued : null;
    }

    private static Map<String, String> query(HttpExchange x) {
        return StubExchange.form(x.getRequestURI().getRawQuery());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
