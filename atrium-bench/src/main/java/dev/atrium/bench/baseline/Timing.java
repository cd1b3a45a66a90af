package dev.atrium.bench.baseline;

import java.time.Duration;

/** Warm-up and measured window of each baseline. */
public record Timing(Duration warmup, Duration duration) {}
