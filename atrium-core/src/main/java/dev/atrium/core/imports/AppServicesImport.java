package dev.atrium.core.imports;

import dev.atrium.core.admin.AppAdmin;
import dev.atrium.core.apps.AllowedOrigins;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.AppStore;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.AppServicesProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code atrium import app-services}: one App Services app onto Atrium (docs/migrating-from-app-services.md).
 * The app keeps its client app id; its allowed origins and providers come over as far as Atrium has
 * them; its users keep their ids, identities, dates, disabled flag and data. Safe to run again: a
 * second run updates, never duplicates. In a dry run every check and read happens and nothing is
 * written. A problem with the export itself ({@link ImportFailedException}) stops the import before
 * anything is written; a bad user record is reported and left out, the others go on.
 */
public final class AppServicesImport {
    private final AppStore apps;
    private final AppAdmin admin;
    private final ImportStore store;
    private final Clock clock;

    public AppServicesImport(AppStore apps, AppAdmin admin, ImportStore store, Clock clock) {
        this.apps = apps;
        this.admin = admin;
        this.store = store;
        this.clock = clock;
    }

    public ImportReport run(ImportRequest request, ImportListener listener) {
        AppServicesExport export = ExportReader.read(request.export());
        List<ImportProblem> missing = request.userFiles().stream().filter(f -> !Files.isRegularFile(f))
                .map(f -> ImportProblem.ofFile(f.toString(), "no such file")).toList();
        if (!missing.isEmpty()) {
            throw new ImportFailedException(missing);
        }
        AtomicLong problems = new AtomicLong();
        ImportListener counting = new ImportListener() {
            @Override
            public void problem(ImportProblem p) {
                problems.incrementAndGet();
                listener.problem(p);
            }

            @Override
            public void progress(String file, long records) {
                listener.progress(file, records);
            }
        };
        Optional<App> existing = apps.find(export.appId());
        ImportReport.AppChange change = app(export, existing, request.mode(), counting);
        List<ProviderReport> providers = providers(export, existing.isPresent(), request.mode());
        UserRecordMapper mapper = new UserRecordMapper(export.appId(), new HashSet<>(admin.installed().types()));
        SeenKeys seen = new SeenKeys();
        List<FileReport> files = new ArrayList<>();
        for (Path f : request.userFiles()) {
            files.add(new UserImport(store, export.appId(), mapper, seen, request.mode(), request.batchSize(), counting).run(f));
        }
        return new ImportReport(export.appId(), export.name(), request.mode(), change, providers, files, problems.get());
    }

    /** Creates the app (with no provider yet: the export's come next), and sets its allowed origins. */
    private ImportReport.AppChange app(AppServicesExport export, Optional<App> existing, ImportMode mode,
                                       ImportListener listener) {
        AppSettings settings = existing.map(App::settings).orElse(AppSettings.DEFAULTS);
        AllowedOrigins origins = settings.allowedOrigins();
        if (!export.allowedOrigins().isEmpty()) { // empty: App Services allowed any origin, as Atrium does by default
            try {
                origins = AllowedOrigins.parse(export.allowedOrigins());
            } catch (IllegalArgumentException e) {
                listener.problem(ImportProblem.ofFile(export.appId(), "allowed_request_origins left out: " + e.getMessage()));
            }
        }
        boolean originsChange = !origins.entries().equals(settings.allowedOrigins().entries());
        if (mode == ImportMode.WRITE) {
            if (existing.isEmpty()) {
                apps.create(new App(export.appId(), export.name(), clock.instant(), settings.withAllowedOrigins(origins)),
                        List.of());
            } else if (originsChange) {
                admin.patchSettings(export.appId(), Map.of("allowed_origins", origins.entries()));
            }
        }
        return existing.isEmpty() ? ImportReport.AppChange.CREATED
                : originsChange ? ImportReport.AppChange.UPDATED : ImportReport.AppChange.UNCHANGED;
    }

    private List<ProviderReport> providers(AppServicesExport export, boolean appExisted, ImportMode mode) {
        List<ProviderConfig> current = appExisted ? apps.providers(export.appId()) : List.of();
        ProviderImport one = new ProviderImport(admin, mode);
        List<ProviderReport> out = new ArrayList<>();
        for (AppServicesProvider p : export.providers()) {
            ProviderConfig have = current.stream().filter(c -> c.type().equals(p.type())).findFirst().orElse(null);
            out.add(one.apply(p, have));
        }
        return out;
    }
}
