package dev.atrium.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What a sweep of one app did, or would do (dry run). */
public record SweepReport(String appId, Instant cutoff, boolean dryRun, long guests, List<String> sample, int batches,
                          Duration took) {}
