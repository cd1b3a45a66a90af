package dev.atrium.server.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: {@code time} (UTC, ms), {@code level} (ERROR, WARN, INFO, DEBUG, TRACE),
 * {@code logger}, {@code message}; inside a request also {@code request_id}, {@code app_id},
 * {@code route} (the matched pattern, never a raw path), {@code status} and {@code duration_ms} once
 * known; {@code trace_id} and {@code span_id} when the request is traced; {@code error} (the
 * exception's class and message) and {@code stack} when a record carries one. Written with
 * Jackson's generator, so any character in a message is escaped and no line can be forged.
 */
public final class JsonLogFormatter extends Formatter {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String format(LogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", record.getInstant().toString());
            g.writeStringField("level", level(record.getLevel()));
            g.writeStringField("logger", record.getLoggerName());
            g.writeStringField("message", formatMessage(record));
            request(g, RequestLog.current());
            trace(g, Span.current().getSpanContext());
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                g.writeStringField("error", thrown.getClass().getName() + ": " + thrown.getMessage());
                StringWriter stack = new StringWriter();
                thrown.printStackTrace(new PrintWriter(stack));
                g.writeStringField("stack", stack.toString());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void request(JsonGenerator g, RequestLog r) throws IOException {
        if (r == null) {
            return;
        }
        g.writeStringField("request_id", r.requestId());
        if (r.appId() != null) {
            g.writeStringField("app_id", r.appId());
        }
        if (r.route() != null) {
            g.writeStringField("route", r.route());
        }
        if (r.status() > 0) {
            g.writeNumberField("status", r.status());
        }
        if (r.durationNanos() >= 0) {
            g.writeNumberField("duration_ms", Math.round(r.durationNanos() / 1_000.0) / 1_000.0);
        }
    }

    private static void trace(JsonGenerator g, SpanContext span) throws IOException {
        if (span.isValid()) {
            g.writeStringField("trace_id", span.getTraceId());
            g.writeStringField("span_id", span.getSpanId());
        }
    }

    /** The names log pipelines expect, from java.util.logging's. */
    static String level(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        return v >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }
}
