package dev.atrium.server.http;

import dev.atrium.core.store.AtriumStore;
import io.helidon.webserver.http.HttpRouting;
import java.util.Map;

/**
 * Orchestrator probes: live = the process serves; ready = the store answers now and the node is not
 * draining (a node shutting down answers 503 {@code DRAINING} from the first moment, so balancers
 * stop sending before its listener closes).
 */
final class HealthEndpoints {
    private final AtriumStore store;
    private final ServingState state;

    HealthEndpoints(AtriumStore store, ServingState state) {
        this.store = store;
        this.state = state;
    }

    void register(HttpRouting.Builder r) {
        r.get("/health/live", (req, res) -> Responses.json(res, 200, Map.of("status", "UP")));
        r.get("/health/ready", (req, res) -> {
            if (state.draining()) {
                Responses.json(res, 503, Map.of("status", "DRAINING", "store", store.describe()));
                return;
            }
            boolean ready = store.isReady();
            Responses.json(res, ready ? 200 : 503, Map.of("status", ready ? "UP" : "DOWN", "store", store.describe()));
        });
    }
}
