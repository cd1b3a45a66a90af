package dev.atrium.bench.load;

import dev.atrium.bench.server.ResourceUse;
import java.util.List;
import java.util.Map;

/**
 * One scenario's measured window: overall and per-operation rates and latencies, failures by kind
 * (with one sample body each), and what the window cost in CPU and memory.
 *
 * @param warmupErrors failures before the window, not in {@code errors}; a healthy run has none
 */
public record LoadResult(String scenario, int concurrency, double seconds, long requests, double perSecond,
                         List<OperationResult> operations, Map<String, Long> errors, long warmupErrors,
                         Map<String, String> errorSamples, ResourceUse resources) {

    /** Failures in the window and the warm-up together. */
    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum() + warmupErrors;
    }

    /** The result of {@code op}, or null when the scenario did not run it. */
    public OperationResult operation(Operation op) {
        return operations.stream().filter(o -> o.operation().equals(op.label())).findFirst().orElse(null);
    }
}
