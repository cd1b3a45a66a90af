package dev.atrium.bench.load;

import dev.atrium.bench.http.ClientKind;
import java.net.URI;
import java.time.Duration;

/**
 * How to drive the server.
 *
 * @param serverPid the server's process id for CPU and memory readings; null when unknown
 * @param networks over how many client networks the clients are spread
 */
public record LoadSettings(URI base, String appId, ClientKind client, int concurrency,
                           Duration warmup, Duration duration, Long serverPid, ClientNetworks networks) {}
