package dev.atrium.client;

import dev.atrium.client.http.HttpTransport;
import dev.atrium.client.storage.UserStorage;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What {@link App.Builder} collects, checked as it comes in, and the wiring of an App from it.
 * Every refusal is a {@link ClientException} and every storage failure a {@link StorageException},
 * so building an App throws nothing but the SDK's own exceptions.
 */
final class AppOptions {
    /** Threads of the App's own executor; requests are I/O-bound, and a few cover a device's needs. */
    private static final int OWN_THREADS = 4;

    private final String appId;
    private final String baseUrl;
    private final UserStorage storage;
    private Duration requestTimeout = Duration.ofSeconds(60);
    private HttpTransport transport;
    private Executor executor;

    AppOptions(String appId, String baseUrl, UserStorage storage) {
        this.appId = Args.text(appId, "appId");
        this.baseUrl = httpUrl(Args.required(baseUrl, "baseUrl"));
        this.storage = Args.required(storage, "storage");
        // The app id goes into every app-scoped URL verbatim: one that makes no URL is refused now, not at the first request.
        try {
            new URI(this.baseUrl + "/" + appId);
        } catch (java.net.URISyntaxException e) {
            throw Args.invalid("appId cannot be part of a URL: " + appId);
        }
    }

    private static String httpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw Args.invalid("baseUrl is not a URL: " + url);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw Args.invalid("baseUrl must be an absolute http(s) URL: " + url);
        }
        return url;
    }

    void requestTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw Args.invalid("requestTimeout must be positive");
        }
        this.requestTimeout = timeout;
    }

    void transport(HttpTransport transport) {
        this.transport = Args.required(transport, "transport");
    }

    void executor(Executor executor) {
        this.executor = Args.required(executor, "executor");
    }

    AppCore build() {
        HttpTransport chosen = transport;
        ExecutorService own = executor == null ? ownExecutor(appId) : null;
        try {
            if (chosen == null) {
                chosen = HttpTransport.platformDefault();
            }
            return new AppCore(appId, baseUrl, storage, requestTimeout, chosen, transport == null,
                    own != null ? own : executor, own);
        } catch (RuntimeException e) {
            if (own != null) {
                own.shutdown();
            }
            if (transport == null && chosen != null) {
                chosen.close();
            }
            if (e instanceof AtriumException) {
                throw e;
            }
            throw new ClientException(ClientErrorCode.InvalidArgument, "cannot build the App: " + e, e);
        }
    }

    /**
     * A small pool of daemon threads (they never keep a program alive), idle ones ending after
     * 30 s; its queue is unbounded, so a burst of async calls waits rather than fails.
     */
    private static ExecutorService ownExecutor(String appId) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread t = new Thread(task, "atrium-" + appId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(OWN_THREADS, OWN_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
