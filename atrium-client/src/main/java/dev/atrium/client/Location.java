package dev.atrium.client;

import java.net.URI;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code hostname} every request but location goes to, asked for lazily on the
 * first request that needs it, once for all threads. A network failure against the host
 * forgets it, so the next request asks the base URL again (a moved server is found again).
 */
final class Location {
    private final Exchange transport;
    private final Routes routes;
    private final ReentrantLock resolving = new ReentrantLock();
    private volatile String hostname;

    Location(Exchange transport, Routes routes) {
        this.transport = transport;
        this.routes = routes;
    }

    /** The host, e.g. {@code http://127.0.0.1:9090}, asking the server if not known yet. */
    String hostname() {
        String known = hostname;
        if (known != null) {
            return known;
        }
        resolving.lock();
        try {
            if (hostname == null) {
                hostname = fetch();
            }
            return hostname;
        } finally {
            resolving.unlock();
        }
    }

    /** Forgets {@code failedHost} if it is still the known host. */
    void forget(String failedHost) {
        resolving.lock();
        try {
            if (failedHost.equals(hostname)) {
                hostname = null;
            }
        } finally {
            resolving.unlock();
        }
    }

    private String fetch() {
        String route = "location";
        String hostname = WireJson.text(WireJson.object(transport.send("GET", routes.location(), null, null), route), "hostname");
        String host = Routes.stripTrailingSlashes(WireJson.require(hostname, "hostname", route));
        URI uri;
        try {
            uri = URI.create(host);
        } catch (IllegalArgumentException e) {
            throw new ClientException(ClientErrorCode.MalformedJson, "location hostname is not a URL: " + host, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new ClientException(ClientErrorCode.MalformedJson, "location hostname is not an http(s) URL: " + host);
        }
        return host;
    }
}
