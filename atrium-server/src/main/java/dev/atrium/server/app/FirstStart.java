package dev.atrium.server.app;

import dev.atrium.core.admin.AdminToken;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.store.AtriumStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * What the first {@code serve} on an empty store does (docs/architecture.md, Apps): create one app and an
 * admin token, written to {@code <data-dir>/admin-token} with mode 0600. Later starts, and nodes
 * that lose the race on a shared database, reuse the app the winner created.
 */
public final class FirstStart {
    static final String ADMIN_TOKEN_FILE = "admin-token";

    private FirstStart() {}

    /** The outcome, for the start-up banner. */
    public record Outcome(App app, boolean created, Path adminTokenFile) {}

    public static Outcome run(AtriumStore store, Path dataDir, Instant now) {
        App candidate = Apps.newApp("default", now);
        App first = store.apps().createFirstApp(candidate, Apps.defaultProviders(candidate, now));
        boolean created = first.id().equals(candidate.id());
        Path tokenFile = dataDir.resolve(ADMIN_TOKEN_FILE).toAbsolutePath();
        if (created) {
            String token = "atr_" + Secrets.random(32);
            store.adminTokens().insert(new AdminToken(ObjectIds.next(now), "initial", Secrets.hash(token), now));
            writeOwnerOnly(tokenFile, token + "\n");
        }
        return new Outcome(first, created, tokenFile);
    }

    /** Writes {@code text} to a file created with mode 0600 from the start (never world-readable, not even briefly). */
    public static void writeOwnerOnly(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
