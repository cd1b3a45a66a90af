package dev.atrium.server.tracing;

import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.config.Operations;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;

/**
 * Tracing for one server: {@link #OFF}, or an OpenTelemetry SDK that exports spans over OTLP/HTTP
 * (protobuf) in batches, propagating W3C {@code traceparent}. Closing flushes what is buffered.
 */
public final class Traces implements AutoCloseable {
    /** No tracing: no SDK, nothing wrapped. */
    public static final Traces OFF = new Traces(null, null);

    private final OpenTelemetry otel;
    private final OpenTelemetrySdk owned;

    private Traces(OpenTelemetry otel, OpenTelemetrySdk owned) {
        this.otel = otel;
        this.owned = owned;
    }

    /** Tracing as configured: OFF without an OTLP endpoint. */
    public static Traces from(Operations.Tracing config) {
        if (!config.enabled()) {
            return OFF;
        }
        OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(config.otlpEndpoint() + "/v1/traces");
        config.headers().forEach(exporter::addHeader);
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "atrium"))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter.build()).build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        return new Traces(sdk, sdk);
    }

    /** Tracing into an OpenTelemetry the caller made and closes (tests: the SDK's in-memory exporter). */
    public static Traces with(OpenTelemetry otel) {
        return new Traces(otel, null);
    }

    public boolean on() {
        return otel != null;
    }

    /** The OpenTelemetry to make request spans with; only when {@link #on}. */
    public OpenTelemetry otel() {
        if (otel == null) {
            throw new IllegalStateException("tracing is off");
        }
        return otel;
    }

    /** {@code store} with a span around every call of its feature stores, or {@code store} itself when off. */
    public AtriumStore around(AtriumStore store) {
        return otel == null ? store : new TracedStore(store, otel.getTracer("dev.atrium.store"));
    }

    /** Exports what is buffered (within 5 s) and stops the SDK this made. */
    @Override
    public void close() {
        if (owned != null) {
            owned.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS);
        }
    }
}
