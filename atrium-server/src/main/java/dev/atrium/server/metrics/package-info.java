/** Metrics: Micrometer registry (Prometheus) and the domain's Telemetry over it. No HTTP here. */
package dev.atrium.server.metrics;
