package dev.atrium.server.redirect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.server.testing.idp.IdpStub;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A test server on SQLite with Apple, Google and Facebook enabled against an {@link IdpStub}, each
 * set up for the web redirect flow with {@link #PAGE} (and a loopback page) allowed; and the
 * browser's part of the dance done by hand: start, the provider's page, the callback.
 */
final class WebSignInServer implements AutoCloseable {
    static final String PAGE = "https://app.example.com/auth/done";
    static final String LOCAL_PAGE = "http://127.0.0.1:5173/auth.html";
    static final List<String> TYPES = List.of("oauth2-google", "oauth2-apple", "oauth2-facebook");
    static final IdpStub.Person ANN = new IdpStub.Person("stub-ann", "ann@example.com", "Ann");
    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern FIELD = Pattern.compile("name=\"(\\w+)\" value=\"([^\"]*)\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final TestServer server;
    final IdpStub stub;

    private WebSignInServer(TestServer server) {
        this.server = server;
        this.stub = IdpStub.start(server.clock::instant);
        server.throttling(Map.of("network_burst", 10_000, "network_rate_per_minute", 100_000));
        reset();
    }

    static WebSignInServer start(Path dir) {
        return new WebSignInServer(TestServer.sqlite(dir));
    }

    /** The stub answers normally for {@link #ANN}; the providers have their web settings again. */
    void reset() {
        stub.mode(IdpStub.Mode.NORMAL);
        stub.signInAs(ANN);
        TYPES.forEach(t -> server.enable(t, stub.webSettings(t, List.of(PAGE, LOCAL_PAGE))));
    }

    /** Provider {@code type} disabled, its settings kept. */
    void disable(String type) {
        var apps = server.atrium.store().apps();
        apps.saveProvider(apps.providers(server.appId()).stream().filter(p -> p.type().equals(type)).findFirst().orElseThrow()
                .withEnabled(false));
    }

    /** The start URL of provider {@code type} with these query parameters (null values left out). */
    String startUrl(String type, Map<String, String> query) {
        return server.provider(type, "login") + "?" + query.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** realm-web's login start: {@code state}, {@code redirect} and, when given, {@code device}. */
    Http.Reply start(String type, String clientState, String redirect, String device) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("state", clientState);
        q.put("redirect", redirect);
        q.put("device", device);
        return Http.send("GET", startUrl(type, q), null, null);
    }

    /** realm-web's link start: a fetch with the access token and {@code providerRedirectHeader=true}. */
    Http.Reply startLink(String type, String accessToken, String clientState, String redirect) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("link", "true");
        q.put("state", clientState);
        q.put("redirect", redirect);
        q.put("providerRedirectHeader", "true");
        return Http.send("GET", startUrl(type, q), accessToken, null);
    }

    /** Where the browser is sent next: a 3xx's Location. */
    static String location(Http.Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(300, 399);
        return r.raw().headers().firstValue("Location").orElseThrow();
    }

    /** The provider's page at {@code authorization}: the request it makes the browser send to the callback. */
    Callback atProvider(String authorization) {
        Http.Reply page = Http.send("GET", authorization, null, null);
        if (page.status() == 302) {
            return new Callback("GET", location(page).replaceFirst("#.*$", ""), null);
        }
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher form = FORM.matcher(page.body());
        assertThat(form.find()).as(page.body()).isTrue();
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher f = FIELD.matcher(page.body());
        while (f.find()) {
            fields.put(f.group(1), unescape(f.group(2)));
        }
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Callback("POST", unescape(form.group(1)), body);
    }

    /** A request the provider makes the browser send to Atrium's callback: a GET, or Apple's form POST. */
    record Callback(String method, String url, String form) {
        /** This callback with its {@code state} parameter replaced. */
        Callback withState(String state) {
            return new Callback(method, form == null ? url.replaceFirst("state=[^&]*", "state=" + state) : url,
                    form == null ? null : form.replaceFirst("state=[^&]*", "state=" + state));
        }

        /** This callback with its {@code code} parameter replaced. */
        Callback withCode(String code) {
            return new Callback(method, form == null ? url.replaceFirst("code=[^&]*", "code=" + code) : url,
                    form == null ? null : form.replaceFirst("code=[^&]*", "code=" + code));
        }
    }

    /** Sends {@code c} as the browser would, with {@code cookie} (a Cookie header value) when not null. */
    Http.Reply callback(Callback c, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(c.url()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (c.form() != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(c.form()));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A login started for {@link #PAGE} and signed in at the provider: the callback it sends the browser to. */
    Callback callbackOf(String type) {
        return atProvider(location(start(type, "abcdefghijkl", PAGE, null)));
    }

    /** The whole login dance for provider {@code type}: the app page's URL the callback sends the browser to. */
    String login(String type, String clientState, String redirect) {
        return location(callback(atProvider(location(start(type, clientState, redirect, null))), null));
    }

    /** The {@code name=value} pairs of {@code url}'s fragment, decoded as realm-web decodes them. */
    static Map<String, String> fragment(String url) {
        int hash = url.indexOf('#');
        assertThat(hash).as(url).isPositive();
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : url.substring(hash + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The query parameters of {@code url}, decoded. */
    static Map<String, String> query(String url) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            m.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Override
    public void close() {
        server.close();
        stub.close();
    }
}
