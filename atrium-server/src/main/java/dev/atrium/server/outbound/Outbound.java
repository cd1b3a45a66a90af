package dev.atrium.server.outbound;

import dev.atrium.core.kernel.HttpUrls;
import dev.atrium.server.outbound.OutboundException.Failure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one client for Atrium's outbound calls, built once by the composition root. Every call has:
 * <ul>
 * <li>a cap on the answer ({@link AnswerLimit}): past it the connection is dropped, not drained;
 *     status, header and chunk lines are capped at 8 KiB and headers at 100;</li>
 * <li>one deadline for the whole exchange (config {@code outbound-deadline}, default 10 s): connect,
 *     send, and the last byte of the answer; an answer dripped a byte at a time is cut there;</li>
 * <li>no redirects (a 3xx is an answer like any non-2xx), no retries, no cookies, no proxy from
 *     system properties, no content decoding (no decompression bombs);</li>
 * <li>http(s) only ({@link HttpUrls}), checked again here whatever the configuration said;</li>
 * <li>the {@link Destinations} policy applied to the addresses actually connected to ({@link CheckedResolver}).</li>
 * </ul>
 * Built on Apache HttpClient 5 (classic API) rather than the JDK's {@code java.net.http} client
 * because its {@code DnsResolver} hook makes the checked addresses the connected ones; the JDK
 * client resolves on its own, leaving a window for DNS rebinding between a check and its connect.
 * SMTP sessions get the same deadline, answer cap and destination check from {@link #smtpSockets()}.
 */
public final class Outbound implements AutoCloseable {
    /** The deadline of a whole exchange unless configured otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 100;

    private final Duration deadline;
    private final Destinations destinations;
    private final ScheduledThreadPoolExecutor timers;
    private final CloseableHttpClient client;

    /** An answer: any status (a 3xx is not followed), its content type (may be null) and body. */
    public record Answer(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    public Outbound(Duration deadline, Destinations destinations) {
        this.deadline = deadline;
        this.destinations = destinations;
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "atrium-outbound-deadlines");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.client = client(Timeout.of(deadline), destinations);
    }

    private static CloseableHttpClient client(Timeout t, Destinations destinations) {
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new CheckedResolver(destinations))
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(MAX_LINE).setMaxHeaderCount(MAX_HEADERS).build())
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t)
                        .setTimeToLive(TimeValue.ofMinutes(1)).build())
                .setMaxConnTotal(100)
                .setMaxConnPerRoute(20)
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Atrium")
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t)
                        .setRedirectsEnabled(false).setAuthenticationEnabled(false).setProtocolUpgradeEnabled(false)
                        .setHardCancellationEnabled(true).build())
                .build();
    }

    public Duration deadline() {
        return deadline;
    }

    /** POSTs {@code json} with {@code headers}; the answer is read up to {@code limit}. */
    public Answer post(String url, Map<String, String> headers, byte[] json, AnswerLimit limit) throws OutboundException {
        return post(url, headers, ContentType.APPLICATION_JSON, json, limit);
    }

    /** POSTs {@code body} of {@code contentType} with {@code headers}; the answer is read up to {@code limit}. */
    public Answer post(String url, Map<String, String> headers, ContentType contentType, byte[] body, AnswerLimit limit)
            throws OutboundException {
        HttpPost post = new HttpPost(checked(url));
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, contentType));
        return exchange(post, limit);
    }

    /** GETs {@code url}; the answer is read up to {@code limit}. */
    public Answer get(String url, AnswerLimit limit) throws OutboundException {
        return get(url, Map.of(), limit);
    }

    /** GETs {@code url} with {@code headers}; the answer is read up to {@code limit}. */
    public Answer get(String url, Map<String, String> headers, AnswerLimit limit) throws OutboundException {
        HttpGet get = new HttpGet(checked(url));
        headers.forEach(get::setHeader);
        return exchange(get, limit);
    }

    /** Sockets for one SMTP session: the deadline starts now; close it when the session ends. */
    public OutboundSockets smtpSockets() {
        return new OutboundSockets(destinations, deadline, AnswerLimit.SMTP, timers);
    }

    private static URI checked(String url) throws OutboundException {
        try {
            return HttpUrls.parse("url", url);
        } catch (IllegalArgumentException e) {
            throw new OutboundException(Failure.URL_REFUSED, "not an http(s) URL with a host: " + url);
        }
    }

    private Answer exchange(HttpUriRequestBase request, AnswerLimit limit) throws OutboundException {
        String host = request.getAuthority() == null ? "?" : request.getAuthority().toString();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> timer = timers.schedule(() -> {
            late.set(true);
            // Closes the socket: a blocked connect, write or read ends now. Off the timer thread, so
            // a close that blocks (a TLS close_notify to a peer that reads nothing) delays no other deadline.
            Thread.ofVirtual().name("atrium-outbound-cancel").start(request::cancel);
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
            byte[] body = read(response.getEntity(), limit, request, host);
            return new Answer(response.getCode(), contentType(response), body);
        } catch (OutboundException e) {
            throw e;
        } catch (IOException e) {
            throw OutboundException.of(e, late.get(), host, deadline);
        } finally {
            timer.cancel(false);
        }
    }

    /**
     * At most {@code limit} bytes. An answer past it cancels the exchange first: closing the
     * stream instead would read the rest to keep the connection, which is what must not happen.
     */
    private static byte[] read(HttpEntity entity, AnswerLimit limit, HttpUriRequestBase request, String host)
            throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        if (entity.getContentLength() > limit.bytes()) {
            request.cancel();
            throw tooLarge(host, limit);
        }
        InputStream in = entity.getContent();
        byte[] body = in.readNBytes(limit.bytes() + 1);
        if (body.length > limit.bytes()) {
            request.cancel();
            throw tooLarge(host, limit);
        }
        return body;
    }

    private static OutboundException tooLarge(String host, AnswerLimit limit) {
        return new OutboundException(Failure.TOO_LARGE, host + ": answer larger than " + limit.bytes() + " bytes");
    }

    private static String contentType(ClassicHttpResponse response) {
        var header = response.getFirstHeader("Content-Type");
        return header == null ? null : header.getValue();
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        timers.shutdownNow();
    }
}
