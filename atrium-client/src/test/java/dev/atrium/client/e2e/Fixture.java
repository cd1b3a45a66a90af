package dev.atrium.client.e2e;

import dev.atrium.client.App;
import dev.atrium.client.storage.FileUserStorage;
import dev.atrium.client.storage.UserStorage;
import dev.atrium.client.testing.Backend;
import dev.atrium.client.testing.CountingHttpClient;
import dev.atrium.client.testing.RunningServer;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** One test's world: a running server on its backend, a device directory, and everything to close after. */
final class Fixture implements AutoCloseable {
    final RunningServer server;
    final Path deviceDir;
    private final Backend backend;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    Fixture(Backend backend, Path dir) {
        this.backend = backend;
        this.deviceDir = dir.resolve("device");
        RunningServer started;
        try {
            started = RunningServer.start(backend, dir.resolve("server"));
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        this.server = started;
    }

    /** A fresh counting HTTP client, closed with the fixture. */
    CountingHttpClient counter() {
        return track(new CountingHttpClient());
    }

    /** The device's user file: what survives an app restart. */
    FileUserStorage fileStorage() {
        return new FileUserStorage(deviceDir.resolve("users.json"));
    }

    /** An App of the server's app over {@code storage}. */
    App app(UserStorage storage) {
        return track(App.create(server.appId(), server.baseUrl(), storage));
    }

    /** An App of the server's app over {@code storage} whose requests go through {@code client}. */
    App app(UserStorage storage, HttpClient client) {
        return app(server.appId(), server.baseUrl(), storage, client);
    }

    /** An App with everything chosen by the test. */
    App app(String appId, String baseUrl, UserStorage storage, HttpClient client) {
        return track(App.builder(appId, baseUrl, storage).httpClient(client).build());
    }

    <T extends AutoCloseable> T track(T closeable) {
        opened.push(closeable);
        return closeable;
    }

    /** Closes what the test opened, newest first, then the server, then drops the backend. */
    @Override
    public void close() {
        try {
            while (!opened.isEmpty()) {
                closeOrFail(opened.pop());
            }
            server.close();
        } finally {
            backend.close();
        }
    }

    private static void closeOrFail(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close " + closeable, e);
        }
    }
}
