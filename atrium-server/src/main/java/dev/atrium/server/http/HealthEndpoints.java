package dev.atrium.server.http;

import dev.atrium.core.store.AtriumStore;
import io.helidon.webserver.http.HttpRouting;
import java.util.Map;

/** Orchestrator probes: live = the process serves; ready = the store answers now. */
final class HealthEndpoints {
    private final AtriumStore store;

    HealthEndpoints(AtriumStore store) {
        this.store = store;
    }

    void register(HttpRouting.Builder r) {
        r.get("/health/live", (req, res) -> Responses.json(res, 200, Map.of("status", "UP")));
        r.get("/health/ready", (req, res) -> {
            boolean ready = store.isReady();
            Responses.json(res, ready ? 200 : 503, Map.of("status", ready ? "UP" : "DOWN", "store", store.describe()));
        });
    }
}
