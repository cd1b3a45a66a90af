package dev.atrium.deploy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One running container of the image under test; {@link #close()} removes it with its anonymous volume. */
final class Container implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final String name = "atrium-it-" + UUID.randomUUID().toString().substring(0, 8);
    final String baseUrl;
    private final Podman podman;

    private Container(Podman podman, String baseUrl) {
        this.podman = podman;
        this.baseUrl = baseUrl;
    }

    /** {@code podman run -d <options> image}, serving at {@code baseUrl}. */
    static Container start(Podman podman, String image, String baseUrl, List<String> options) {
        Container c = new Container(podman, baseUrl);
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", c.name));
        args.addAll(options);
        args.add(image);
        podman.run(args.toArray(String[]::new));
        return c;
    }

    /** A free port on loopback (closed again: podman or the server binds it next). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until {@code GET /health/ready} answers 200; fails with the container's log after 120 s. */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        fail(name + " not ready within 120 s; its log:\n" + logs());
    }

    String logs() {
        return podman.run("logs", name);
    }

    /** The app id of the last start's banner ("app id: …"). */
    String appId() {
        List<String> ids = logs().lines().filter(l -> l.startsWith("app id: ")).map(l -> l.substring(8).trim()).toList();
        return ids.isEmpty() ? fail("no app id in the log of " + name + ":\n" + logs()) : ids.getLast();
    }

    String exec(String... command) {
        List<String> args = new ArrayList<>(List.of("exec", name));
        args.addAll(List.of(command));
        return podman.run(args.toArray(String[]::new)).trim();
    }

    @Override
    public void close() {
        podman.status("rm", "-f", "-v", name);
    }
}
