package dev.atrium.server.app;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.config.LogFormat;
import dev.atrium.server.config.Operations;
import dev.atrium.server.http.HttpServer;
import dev.atrium.server.http.Router;
import dev.atrium.server.http.ServingState;
import dev.atrium.server.http.WebOptions;
import dev.atrium.server.tracing.Traces;
import io.helidon.webserver.WebServer;
import java.time.Duration;

/**
 * The node's HTTP listeners: the public one, and with {@code management-port} a second one that
 * alone serves {@code /metrics} and {@code /health/*}. On a drain the public one closes first; the
 * management one keeps answering (readiness 503) until the end, so an orchestrator sees the node
 * leave rather than vanish.
 */
final class Listeners {
    /** What a management request (a probe, a scrape) gets to finish when its listener stops. */
    private static final Duration MANAGEMENT_GRACE = Duration.ofSeconds(1);

    private final WebServer publicServer;
    private final WebServer management;
    private final ServingState state;

    private Listeners(WebServer publicServer, WebServer management, ServingState state) {
        this.publicServer = publicServer;
        this.management = management;
        this.state = state;
    }

    static Listeners start(AtriumConfig config, Router.Services services, Traces traces) {
        Operations ops = config.operations();
        Operations.Logs logs = ops.logs();
        ServingState state = new ServingState();
        WebOptions web = new WebOptions(ops.management() != null, logs.format() == LogFormat.JSON || logs.accessLog(),
                logs.accessLog(), traces.on() ? traces.otel() : null, state);
        WebServer management = ops.management() == null ? null : HttpServer.start(ops.management().host(),
                ops.management().port(), config.http(), Router.management(services, web), MANAGEMENT_GRACE);
        try {
            WebServer publicServer = HttpServer.start(config.host(), config.port(), config.http(), Router.build(services, web),
                    ops.shutdown().gracePeriod());
            return new Listeners(publicServer, management, state);
        } catch (RuntimeException e) {
            if (management != null) {
                management.stop();
            }
            throw e;
        }
    }

    int port() {
        return publicServer.port();
    }

    int managementPort() {
        return management == null ? -1 : management.port();
    }

    ServingState state() {
        return state;
    }

    /** Closes the public listener; returns once its requests in flight finished or its grace period ran out. */
    void stopPublic() {
        publicServer.stop();
    }

    /** Closes everything. */
    void stop() {
        publicServer.stop();
        stopManagement();
    }

    void stopManagement() {
        if (management != null) {
            management.stop();
        }
    }
}
