package dev.atrium.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.testing.NodeTestRunner;
import dev.atrium.server.testing.PgSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image as an operator gets it: {@code Containerfile} built with Podman on a base made by
 * {@code deploy/container/build-base.sh} (Debian's packages and a jlink runtime of the JDK running
 * this test: no registry), run, and driven by the official realm-web SDK. Prints the base's build
 * time, the image's size and its start-to-ready times (docs/deployment.md quotes them). Fails, never
 * skips, when podman cannot build or run it.
 */
class ContainerImageIT {
    static final Path ROOT = NodeTestRunner.projectRoot();
    static final String IMAGE = "localhost/atrium:it";
    static Podman podman;

    @BeforeAll
    static void buildImage() {
        Path jar = ROOT.resolve("atrium-server/target/atrium-server.jar");
        assertThat(jar).as("the packaged server (mvn package -pl atrium-server, or verify from the root)").exists();
        Path jdk = Path.of(System.getProperty("java.home"));
        assertThat(jdk.resolve("bin/jlink")).as("a JDK (not a JRE) runs the tests: its jlink makes the base").exists();
        podman = Podman.withOwnConfig(Path.of("target", "podman").toAbsolutePath());

        long t0 = System.nanoTime();
        String base = podman.exec(List.of(ROOT.resolve("deploy/container/build-base.sh").toString()), 900)
                .lines().reduce((a, b) -> b).orElseThrow().trim();
        report("base image %s ready in %.1f s (built, or found in podman's store or the cache)", base, seconds(t0));

        String previous = podman.status("image", "exists", IMAGE) == 0 ? id(IMAGE) : null;
        long t1 = System.nanoTime();
        podman.run("build", "--format", "docker", "--network=none", "--build-arg", "BASE=" + base, "-t", IMAGE,
                "-f", ROOT.resolve("Containerfile").toString(), ROOT.toString());
        report("image built in %.1f s", seconds(t1));
        if (previous != null && !previous.equals(id(IMAGE))) {
            podman.status("rmi", previous); // the last run's image: kept until now as the build cache
        }
        report("image size %s MB", Long.parseLong(podman.run("image", "inspect", "--format", "{{.Size}}", IMAGE).trim()) / 1_000_000);
    }

    @Test
    void imageServesRealmWebGuestLoginsAsANonRootUserWithItsStoreOnTheVolume() throws Exception {
        int port = Container.freePort();
        String url = "http://127.0.0.1:" + port;
        long t0 = System.nanoTime();
        try (Container c = Container.start(podman, IMAGE, url,
                List.of("-p", "127.0.0.1:" + port + ":9090", "-e", "ATRIUM_PUBLIC_URL=" + url))) {
            c.awaitReady();
            report("first start (a new SQLite store) to ready: %.2f s", seconds(t0));
            String app = c.appId();

            assertThat(podman.status("healthcheck", "run", c.name)).as("the image's HEALTHCHECK").isZero();
            assertThat(c.exec("id", "-u")).isEqualTo("10001");
            assertThat(podman.run("inspect", "--format", "{{range .Mounts}}{{.Destination}} {{end}}", c.name))
                    .contains("/var/lib/atrium");
            assertThat(c.exec("ls", "/var/lib/atrium").lines()).contains("atrium.db", "master.key", "admin-token");
            assertThat(c.logs()).as("no JVM warning (a refused AOT cache would say so)").doesNotContain("[warning]", "[error]");

            NodeTestRunner.requireInstalled("realm-web", "realm-web", "2.0.1")
                    .runPassing(null, Map.of("ATRIUM_BASE_URL", url, "ATRIUM_APP_ID", app), 180, "anonymous.test.mjs");

            long t1 = System.nanoTime();
            podman.run("restart", c.name);
            c.awaitReady();
            report("restart (SIGTERM, then the same store) to ready: %.2f s", seconds(t1));
            assertThat(c.appId()).as("the store survived on the volume").isEqualTo(app);
        }
    }

    @Test
    void twoReadOnlyNodesOnOnePostgreSqlWithOneMasterKeyServeTheSameApp(@TempDir Path keys) throws Exception {
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwxrwxrwx")); // the image's uid writes it
        podman.run("run", "--rm", "-v", keys + ":/keys", IMAGE, "keys", "new-master-key", "--output", "/keys/master.key");
        try (PgSchema pg = new PgSchema()) {
            int portA = Container.freePort();
            int portB = Container.freePort();
            // As deploy/k8s runs a pod: read-only root, a writable /tmp, no capabilities.
            List<String> shared = List.of("--network=host", "--read-only", "--tmpfs", "/tmp", "--cap-drop=ALL",
                    "--security-opt", "no-new-privileges", "-v", keys + ":/keys:ro", "-e", "ATRIUM_HOST=127.0.0.1",
                    "-e", "ATRIUM_STORE_URL=" + pg.url, "-e", "ATRIUM_STORE_SCHEMA=" + pg.name,
                    "-e", "ATRIUM_MASTER_KEY_FILE=/keys/master.key", "-e", "ATRIUM_PUBLIC_URL=http://127.0.0.1:" + portA);
            try (Container a = Container.start(podman, IMAGE, "http://127.0.0.1:" + portA, with(shared, "ATRIUM_PORT=" + portA));
                 Container b = Container.start(podman, IMAGE, "http://127.0.0.1:" + portB, with(shared, "ATRIUM_PORT=" + portB))) {
                a.awaitReady();
                b.awaitReady();
                assertThat(b.appId()).as("one app for the two nodes started at once").isEqualTo(a.appId());
                assertThat(podman.status("healthcheck", "run", b.name)).as("the health check on ATRIUM_HOST:ATRIUM_PORT").isZero();

                String refresh = field(post(a.baseUrl + "/api/client/v2.0/app/" + a.appId() + "/auth/providers/anon-user/login",
                        null, "{}", 200), "refresh_token");
                post(b.baseUrl + "/api/client/v2.0/auth/session", refresh, null, 201);
            }
        }
    }

    private static List<String> with(List<String> options, String env) {
        List<String> all = new java.util.ArrayList<>(options);
        all.addAll(List.of("-e", env));
        return all;
    }

    private static String post(String url, String bearer, String body, int expected) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            r.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> reply = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(url + ": " + reply.body()).isEqualTo(expected);
        return reply.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static String id(String image) {
        return podman.run("image", "inspect", "--format", "{{.Id}}", image).trim();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void report(String format, Object... args) {
        System.out.println("[container] " + String.format(format, args));
    }
}
