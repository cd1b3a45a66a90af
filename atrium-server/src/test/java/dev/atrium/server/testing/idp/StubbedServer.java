package dev.atrium.server.testing.idp;

import dev.atrium.server.config.AtriumConfig;
import dev.atrium.server.testing.ProviderCalls;
import dev.atrium.server.testing.TestServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A test server on SQLite with one external-identity provider enabled against an {@link IdpStub}
 * whose tokens follow the server's clock. The per-network login throttle is lifted: one test client
 * plays every person, and throttles are not these tests' subject.
 */
public final class StubbedServer implements AutoCloseable {
    public final TestServer server;
    public final IdpStub stub;
    /** Logins and links of the provider. */
    public final ProviderCalls calls;
    private final String type;

    private StubbedServer(TestServer server, String type) {
        this.server = server;
        this.type = type;
        this.stub = IdpStub.start(server.clock::instant);
        this.calls = new ProviderCalls(server, type);
        server.throttling(Map.of("network_burst", 10_000, "network_rate_per_minute", 100_000));
        reset();
    }

    /** Provider {@code type} enabled with the stub's settings on a server in {@code dir}. */
    public static StubbedServer start(Path dir, String type) {
        return new StubbedServer(TestServer.sqlite(dir), type);
    }

    /** The same, with a changed server configuration. */
    public static StubbedServer start(Path dir, String type, UnaryOperator<AtriumConfig> change) {
        return new StubbedServer(TestServer.sqlite(dir, change), type);
    }

    /** The stub answers normally and the provider has the stub's settings again. */
    public void reset() {
        stub.mode(IdpStub.Mode.NORMAL);
        server.enable(type, stub.settings(type));
    }

    @Override
    public void close() {
        server.close();
        stub.close();
    }
}
