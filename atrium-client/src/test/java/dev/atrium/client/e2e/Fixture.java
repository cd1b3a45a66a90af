package dev.atrium.client.e2e;

import dev.atrium.client.App;
import dev.atrium.client.http.HttpTransport;
import dev.atrium.client.storage.FileUserStorage;
import dev.atrium.client.storage.UserStorage;
import dev.atrium.client.testing.Backend;
import dev.atrium.client.testing.CountingTransport;
import dev.atrium.client.testing.RunningServer;
import dev.atrium.client.testing.TransportKind;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One test's world: a running server on its backend, a device directory, the transport kind every
 * App of the test uses, and everything to close after.
 */
final class Fixture implements AutoCloseable {
    final RunningServer server;
    final Path deviceDir;
    final TransportKind transport;
    private final Backend backend;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    Fixture(Backend backend, TransportKind transport, Path dir) {
        this.backend = backend;
        this.transport = transport;
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

    /** A fresh counting transport of the test's kind, closed with the fixture. */
    CountingTransport counter() {
        return track(new CountingTransport(transport));
    }

    /** The device's user file: what survives an app restart. */
    FileUserStorage fileStorage() {
        return new FileUserStorage(deviceDir.resolve("users.json"));
    }

    /** An App of the server's app over {@code storage}, on a transport of the test's kind. */
    App app(UserStorage storage) {
        return app(storage, track(transport.create()));
    }

    /** An App of the server's app over {@code storage} whose requests go through {@code through}. */
    App app(UserStorage storage, HttpTransport through) {
        return app(server.appId(), server.baseUrl(), storage, through);
    }

    /** An App with everything chosen by the test. */
    App app(String appId, String baseUrl, UserStorage storage, HttpTransport through) {
        return track(App.builder(appId, baseUrl, storage).transport(through).build());
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
