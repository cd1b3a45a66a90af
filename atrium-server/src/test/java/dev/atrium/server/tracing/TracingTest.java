package dev.atrium.server.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.config.Operations;
import dev.atrium.server.testing.Http;
import dev.atrium.server.testing.TestServer;
import dev.atrium.store.jdbc.JdbcStore;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenTelemetry traces of a real server on SQLite, read with the SDK's in-memory exporter: one trace
 * per login, its server span and its store span; a caller's W3C traceparent continued; OTLP/HTTP
 * export to a collector when configured; nothing at all when not.
 */
class TracingTest {
    static final String LOGIN_ROUTE = "POST /api/client/v2.0/app/{appId}/auth/providers/{provider}/login";

    @TempDir
    Path dir;
    InMemorySpanExporter spans;
    OpenTelemetrySdk sdk;
    Atrium atrium;

    @BeforeEach
    void traced() {
        spans = InMemorySpanExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
        atrium = Atrium.start(TestServer.config(dir, "sqlite:" + dir.resolve("atrium.db")), Clock.systemUTC(), Traces.with(sdk));
    }

    @AfterEach
    void close() {
        atrium.close();
        sdk.close();
    }

    /** The finished spans once {@code servers} server spans are among them: a span ends just after its answer is sent. */
    List<SpanData> finished(int servers) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.SERVER).count() < servers) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + servers + " server spans: " + spans.getFinishedSpanItems());
            }
            Thread.onSpinWait();
        }
        return spans.getFinishedSpanItems();
    }

    String login() {
        return atrium.publicUrl() + "/api/client/v2.0/app/" + atrium.firstStart().app().id() + "/auth/providers/anon-user/login";
    }

    @Test
    void eachGuestLoginIsOneTraceWithItsServerSpanAndItsStoreSpan() {
        spans.reset();
        Http.send("POST", login(), null, "{}");
        Http.send("POST", login(), null, "{}");

        Map<String, List<SpanData>> traces = finished(2).stream()
                .collect(Collectors.groupingBy(SpanData::getTraceId));
        assertThat(traces).hasSize(2);
        for (List<SpanData> trace : traces.values()) {
            SpanData server = trace.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
            assertThat(server.getName()).isEqualTo(LOGIN_ROUTE);
            assertThat(server.getParentSpanContext().isValid()).as("a root: no traceparent was sent").isFalse();
            assertThat(server.getAttributes().asMap().toString()).contains("http.response.status_code=200")
                    .contains("http.route=/api/client/v2.0/app/{appId}/auth/providers/{provider}/login")
                    .contains("atrium.app_id=" + atrium.firstStart().app().id());
            List<SpanData> store = trace.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
            assertThat(store).as("the login's store calls").isNotEmpty()
                    .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(server.getSpanId()))
                    .allSatisfy(s -> assertThat(s.getAttributes().asMap().toString()).contains("db.system.name=sqlite"));
            assertThat(store).extracting(SpanData::getName).anySatisfy(name -> assertThat(name).startsWith("SignupStore."));
        }
    }

    @Test
    void aCallersTraceparentIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String parent = "00f067aa0ba902b7";
        spans.reset();

        Http.sendWithHeaders("POST", login(), Map.of("traceparent", "00-" + traceId + "-" + parent + "-01"), "{}");

        SpanData server = finished(1).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getTraceId()).isEqualTo(traceId);
        assertThat(server.getParentSpanId()).isEqualTo(parent);
        assertThat(server.getParentSpanContext().isRemote()).isTrue();
        assertThat(spans.getFinishedSpanItems()).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(traceId));
    }

    @Test
    void probesScrapesAndBackgroundPollsMakeNoTrace() throws Exception {
        spans.reset();
        Http.send("GET", atrium.publicUrl() + "/health/ready", null, null);
        Http.send("GET", atrium.publicUrl() + "/health/live", null, null);
        Http.send("GET", atrium.publicUrl() + "/metrics", null, null);
        atrium.store().events().recent(null, 1); // as the outbox's poll does, outside any request
        Http.send("POST", login(), null, "{}"); // then one traced request: everything before it has ended by now

        List<SpanData> all = finished(1);
        String loginTrace = all.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow().getTraceId();
        assertThat(all).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(loginTrace));
    }

    @Test
    void aFailingRequestIsAnErrorOnlyWhenTheServerFailed() {
        spans.reset();
        Http.send("POST", atrium.publicUrl() + "/api/client/v2.0/app/nope/auth/providers/anon-user/login", null, "{}");

        SpanData server = finished(1).stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(server.getAttributes().asMap().toString()).contains("http.response.status_code=404");
        assertThat(server.getStatus().getStatusCode().name()).isEqualTo("UNSET");
    }

    @Test
    void withoutAnOtlpEndpointTracingIsOffAndTheStoreIsNotWrapped() {
        try (TestServer plain = TestServer.sqlite(dir.resolve("plain"))) {
            assertThat(plain.config.operations().tracing().enabled()).isFalse();
            assertThat(plain.atrium.store()).isInstanceOf(JdbcStore.class);
        }
        assertThat(Traces.from(Operations.Tracing.OFF)).isSameAs(Traces.OFF);
        assertThat(atrium.store()).isNotInstanceOf(JdbcStore.class);
    }

    @Test
    void withAnOtlpEndpointSpansAreExportedOverOtlpHttp() throws Exception {
        List<byte[]> exports = new CopyOnWriteArrayList<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("X-Collector-Key"));
            exports.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try {
            Path other = dir.resolve("exporting");
            AtriumConfig config = TestServer.config(other, "sqlite:" + other.resolve("atrium.db"));
            config = config.withOperations(new Operations(Operations.Logs.DEFAULTS, null, Operations.Shutdown.DEFAULTS,
                    new Operations.Tracing(URI.create("http://127.0.0.1:" + collector.getAddress().getPort()),
                            Map.of("X-Collector-Key", "k1"), 1.0)));
            try (Atrium exporting = Atrium.start(config, Clock.systemUTC())) {
                Http.sendWithHeaders("POST", exporting.publicUrl() + "/api/client/v2.0/app/" + exporting.firstStart().app().id()
                        + "/auth/providers/anon-user/login", Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"), "{}");
            } // closing flushes the batch
        } finally {
            collector.stop(0);
        }

        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s).isEqualTo("POST application/x-protobuf k1"));
        byte[] all = exports.stream().reduce(new byte[0], TracingTest::concat);
        assertThat(indexOf(all, HexFormat.of().parseHex(traceId))).as("the trace id in the protobuf").isNotNegative();
        assertThat(new String(all, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(LOGIN_ROUTE).contains("atrium");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
