/**
 * OpenTelemetry traces: the SDK set up from the configuration (OTLP/HTTP export, W3C trace
 * context), and spans around every store call. With no OTLP endpoint configured nothing here is
 * built or called: no SDK, no wrapper, no span (docs/operations.md).
 */
package dev.atrium.server.tracing;
