package dev.atrium.core.imports;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param app whether the app was created, updated (settings) or left as it was
 * @param problems how many problems were reported (each went to the {@link ImportListener})
 */
public record ImportReport(String appId, String appName, ImportMode mode, AppChange app, List<ProviderReport> providers,
                           List<FileReport> files, long problems) {

    public ImportReport {
        providers = List.copyOf(providers);
        files = List.copyOf(files);
    }

    public enum AppChange { CREATED, UPDATED, UNCHANGED }

    /** Users created, updated and refused over every file. */
    public long created() {
        return files.stream().mapToLong(FileReport::created).sum();
    }

    public long updated() {
        return files.stream().mapToLong(FileReport::updated).sum();
    }

    public long refused() {
        return files.stream().mapToLong(FileReport::refused).sum();
    }
}
