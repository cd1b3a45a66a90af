package dev.atrium.core.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * What to import: an App Services app export, the users files ({@code GET …/users} of App Services'
 * Admin API), whether to write, and how many users a transaction takes.
 */
public record ImportRequest(Path export, List<Path> userFiles, ImportMode mode, int batchSize) {
    public static final int DEFAULT_BATCH = 1_000;
    public static final int MAX_BATCH = 10_000;

    public ImportRequest {
        userFiles = List.copyOf(userFiles);
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be 1.." + MAX_BATCH);
        }
    }
}
