package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.NativeHeapTrim;
import dev.atrium.server.config.AtriumConfig;
import dev.atrium.store.jdbc.ScratchStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atrium aot-training prepare|run DIR} (hidden): the training run behind the launcher's JDK
 * AOT cache (JEP 483/514/515, JDK 25+). {@code prepare} makes a {@link ScratchStore} in the new
 * directory DIR and migrates it; {@code run}, in another JVM (so Flyway stays out of the cache, as
 * it stays out of a restart), starts the server as {@code serve} does on that store, drives the
 * guest hot path over loopback (login, refresh, profile, logout) so the classes and method
 * profiles of serving are recorded, and stops. The JVM writes the cache when it exits.
 *
 * <p>Neither phase reads a flag, an {@code ATRIUM_*} variable or a properties file: the launcher
 * runs this under the operator's environment, and a training run must never touch the operator's
 * store, data directory or port. Plain sockets, not java.net.http: the
 * client's classes would otherwise end up in every server's start-up.
 */
@Command(name = "aot-training", hidden = true, description = "Training run for the launcher's AOT cache.")
final class AotTrainingCommand implements Runnable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The two halves, each in its own JVM. */
    enum Phase { prepare, run }

    @Parameters(index = "0", description = "prepare (make and migrate the store) or run (train on it)")
    Phase phase;
    @Parameters(index = "1", description = "the training's own directory: new for prepare, prepare's for run")
    Path dir;
    // 2,000 rather than 400: the cache's method profiles (JEP 515) are richer, and a fresh server reached 2,000 logins/s
    // in its 3rd second instead of its 6th to 9th in two alternating pairs (docs/performance.md, Time to peak).
    @Option(names = "--rounds", defaultValue = "2000", description = "guest round trips (login, refresh, profile, logout)")
    int rounds;

    @Override
    public void run() {
        switch (phase) {
            case prepare -> ScratchStore.createSqlite(dir).migrate();
            case run -> train(ScratchStore.reopen(dir));
        }
    }

    private void train(ScratchStore scratch) {
        try (Atrium atrium = Atrium.start(config(scratch), Clock.systemUTC())) {
            String app = atrium.firstStart().app().id();
            scratch.liftGuestLimits(app); // one client address, hundreds of guests; nothing has read the app yet
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
            NativeHeapTrim.trimNow(); // serve's idle trim: its management classes belong in the cache too
        } catch (IOException e) {
            throw new AtriumCommand.CommandFailure("AOT training run failed: " + e.getMessage());
        }
    }

    /**
     * A configuration of the scratch store alone: loopback, any free port, the sweeper off, every
     * other value a default. Nothing in it comes from a flag, the environment or a file.
     */
    static AtriumConfig config(ScratchStore scratch) {
        AtriumConfig.Lifecycle quiet = new AtriumConfig.Lifecycle(Duration.ZERO, 1000, Duration.ZERO, 0,
                Duration.ofDays(7), Duration.ofSeconds(1));
        return new AtriumConfig("127.0.0.1", 0, null, scratch.dir(), scratch.storeUrl(), 4, Duration.ofSeconds(5),
                scratch.schema(), Duration.ofSeconds(5), AtriumConfig.PasswordHashing.DEFAULTS, List.of(), quiet);
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
