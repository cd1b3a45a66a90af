package dev.atrium.client.e2e;

import dev.atrium.client.testing.Backend;
import dev.atrium.client.testing.TransportKind;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Starts a fresh server on the subclass's backend before each test and tears it all down after.
 * Tests share nothing, so where JUnit's parallel execution is on (the quick loop) they run
 * concurrently.
 */
@Execution(ExecutionMode.CONCURRENT)
abstract class EndToEndBase implements EndToEnd {
    @TempDir
    Path dir;
    private Fixture fixture;

    /** The backend of one test; PostgreSQL gets a schema of its own. */
    abstract Backend backend(Path dir);

    /** The transport every App of the test uses; the JVM default unless a subclass says otherwise. */
    TransportKind transport() {
        return TransportKind.JDK;
    }

    @BeforeEach
    void startServer() {
        fixture = new Fixture(backend(dir), transport(), dir);
    }

    @AfterEach
    void stopServer() {
        fixture.close();
    }

    @Override
    public Fixture e2e() {
        return fixture;
    }
}
