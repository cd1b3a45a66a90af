package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.server.app.Atrium;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atrium aot-training} (hidden): the training run behind the launcher's JDK AOT cache
 * (JEP 483/514/515, JDK 25+). It starts the server as {@code serve} does on the store it is given
 * (the launcher passes a fresh directory it migrated in another JVM, so Flyway stays out of the
 * cache, as it stays out of a restart), drives the guest hot path over loopback (login, refresh,
 * profile, logout) so the classes and method profiles of serving are recorded, and stops. The
 * JVM writes the cache when it exits. Plain sockets, not java.net.http: the client's classes
 * would otherwise end up in every server's start-up.
 */
@Command(name = "aot-training", hidden = true, description = "Training run for the launcher's AOT cache.")
final class AotTrainingCommand implements Runnable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    ConfigOptions options;
    @Option(names = "--rounds", defaultValue = "400", description = "guest round trips (login, refresh, profile, logout)")
    int rounds;

    @Override
    public void run() {
        try (Atrium atrium = Atrium.start(options.load(), Clock.systemUTC())) {
            String app = atrium.firstStart().app().id();
            liftGuestLimits(atrium.store().apps(), app); // one client address, hundreds of guests
            String base = "/api/client/v2.0";
            for (int i = 0; i < rounds; i++) {
                JsonNode login = call(atrium.port(), "POST", base + "/app/" + app + "/auth/providers/anon-user/login",
                        null, "{\"options\":{\"device\":{\"sdk\":\"training\"}}}");
                String refresh = login.path("refresh_token").asText();
                JsonNode session = call(atrium.port(), "POST", base + "/auth/session", refresh, null);
                call(atrium.port(), "GET", base + "/auth/profile", session.path("access_token").asText(), null);
                call(atrium.port(), "DELETE", base + "/auth/session", refresh, null);
            }
            call(atrium.port(), "GET", "/health/ready", null, null);
        } catch (IOException e) {
            throw new AtriumCommand.CommandFailure("AOT training run failed: " + e.getMessage());
        }
    }

    private static void liftGuestLimits(AppStore apps, String appId) {
        AppSettings s = apps.find(appId).orElseThrow().settings();
        apps.updateSettings(appId, s.withGuestLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 0));
    }

    /** Status code and body of one HTTP/1.1 reply: Content-Length or chunked (Helidon's two forms). */
    private static String[] readReply(InputStream in) throws IOException {
        String status = line(in);
        long length = 0;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (int n = Integer.parseInt(line(in).trim(), 16); n > 0; n = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(n));
                line(in);
            }
            line(in);
        } else {
            body.write(in.readNBytes((int) length));
        }
        return new String[] {status.substring(status.indexOf(' ') + 1), body.toString(StandardCharsets.UTF_8)};
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    /** One request on a fresh connection (Connection: close); the JSON body of a 2xx, else a failure. */
    private static JsonNode call(int port, String method, String path, String bearer, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(payload.length).append("\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            String[] reply = readReply(new java.io.BufferedInputStream(s.getInputStream()));
            if (!reply[0].startsWith("2")) {
                throw new IOException(method + " " + path + " answered " + reply[0]);
            }
            String text = reply[1];
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        }
    }
}
