package dev.atrium.server.http;

import dev.atrium.api.ErrorBody;
import dev.atrium.api.ErrorCode;
import dev.atrium.server.config.AtriumConfig;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.time.Duration;

/**
 * The Helidon SE web server (a virtual thread per request). Failures Helidon answers itself,
 * before routing (unparsable HTTP, a body over the transport limit), also get the JSON error
 * form, so no client ever sees a text/plain error.
 */
public final class HttpServer {
    /** Transport limit; the routes enforce their own, smaller limit and answer it as JSON. */
    private static final long TRANSPORT_MAX_PAYLOAD = 1024 * 1024;

    private HttpServer() {}

    /**
     * Starts the server on host:port; port 0 picks a free port (see {@link WebServer#port()}).
     * Connections idle between requests (or stuck in a request line) are closed after
     * {@code idleTimeout}, checked every tenth of it (Helidon's default is 5 min checked every
     * 2 min: long enough for idle sockets to pile up).
     */
    public static WebServer start(String host, int port, AtriumConfig.Http options, HttpRouting.Builder routing) {
        return start(host, port, options, routing, Duration.ofMillis(500));
    }

    /**
     * The same; on {@link WebServer#stop} requests in flight get {@code grace} to finish (the listener
     * closes at once, idle connections are closed) before they are cut.
     */
    public static WebServer start(String host, int port, AtriumConfig.Http options, HttpRouting.Builder routing,
                                  Duration grace) {
        Duration idle = options.idleTimeout();
        WebServer server = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownGracePeriod(grace)
                .idleConnectionTimeout(idle)
                .idleConnectionPeriod(idle.dividedBy(10))
                .maxPayloadSize(TRANSPORT_MAX_PAYLOAD)
                .shutdownHook(false)
                .directHandlers(HttpServer::jsonDirectHandlers)
                .routing(routing)
                .build()
                .start();
        // Helidon 4.5 logs a listener that cannot bind and returns a stopped server (port -1)
        // instead of throwing: without this the command would print its banner and wait forever.
        if (!server.isRunning() || server.port() < 0) {
            server.stop();
            throw new java.io.UncheckedIOException(new java.net.BindException(
                    "cannot listen on " + host + ":" + port + " (address in use, or not this machine's)"));
        }
        return server;
    }

    private static void jsonDirectHandlers(DirectHandlers.Builder b) {
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            b.addHandler(type, (request, eventType, status, headers, message) -> {
                ErrorCode code = switch (eventType) {
                    case PAYLOAD_TOO_LARGE -> ErrorCode.PayloadTooLarge;
                    case INTERNAL_ERROR -> ErrorCode.InternalServerError;
                    default -> ErrorCode.BadRequest;
                };
                byte[] body;
                try {
                    body = Responses.WIRE.writeValueAsBytes(new ErrorBody(ErrorMapper.publicMessage(code,
                            message == null || message.isBlank() ? status.reasonPhrase() : message), code.name(), null));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    body = ("{\"error\":\"bad request\",\"error_code\":\"" + code.name() + "\"}").getBytes();
                }
                return DirectHandler.TransportResponse.builder()
                        .status(Status.create(ErrorMapper.status(code)))
                        .headers(headers)
                        .header(HeaderNames.CONTENT_TYPE, "application/json")
                        .entity(body)
                        .keepAlive(eventType.keepAlive())
                        .build();
            });
        }
    }
}
