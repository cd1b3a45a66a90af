package dev.atrium.server.cli;

import dev.atrium.core.imports.AppServicesImport;
import dev.atrium.core.imports.ImportFailedException;
import dev.atrium.core.imports.ImportListener;
import dev.atrium.core.imports.ImportMode;
import dev.atrium.core.imports.ImportProblem;
import dev.atrium.core.imports.ImportReport;
import dev.atrium.core.imports.ImportRequest;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Atrium;
import dev.atrium.server.app.Stores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code atrium import …}: bringing an app over from elsewhere, on the store directly (docs/migrating-from-app-services.md). */
@Command(name = "import", description = "Bring an app over from elsewhere (App Services).",
        subcommands = {ImportCommand.AppServices.class})
final class ImportCommand {

    @Command(name = "app-services", description = {
            "Create or update the app of an App Services export (its client app id, providers, allowed origins) and its users "
                    + "(the Admin API's user lists) with their ids. Safe to run again; --dry-run writes nothing.",
            "Exit code 1 when any record was left out (each problem is printed with its file and position)."})
    static final class AppServices extends CliCommand {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "DIR", description = "the export: the directory `appservices pull` wrote")
        Path export;
        @Option(names = "--users", paramLabel = "FILE", arity = "1..*",
                description = "users as App Services' Admin API lists them (GET …/users: a JSON array, pages one after another, "
                        + "or one user per line); repeatable")
        List<Path> users = new ArrayList<>();
        @Option(names = "--dry-run", description = "check and count everything, write nothing")
        boolean dryRun;
        @Option(names = "--batch-size", paramLabel = "N", description = "users per transaction, 1..10000 (default 1000)")
        int batchSize = ImportRequest.DEFAULT_BATCH;

        @Override
        public void run() {
            if (batchSize < 1 || batchSize > ImportRequest.MAX_BATCH) {
                throw new AtriumCommand.CommandFailure("--batch-size must be 1.." + ImportRequest.MAX_BATCH);
            }
            ImportRequest request = new ImportRequest(export, users, dryRun ? ImportMode.DRY_RUN : ImportMode.WRITE, batchSize);
            ImportReport report;
            try (AtriumStore store = Stores.openExisting(options.load(), 2)) {
                out().println("App Services export " + export + " into " + store.describe()
                        + (dryRun ? " (dry run: nothing is written)" : ""));
                AppServicesImport importer = Atrium.appServicesImport(store, Clock.systemUTC());
                report = importer.run(request, new Printing());
            } catch (ImportFailedException e) {
                e.problems().forEach(p -> err().println("problem: " + p));
                throw new AtriumCommand.CommandFailure("the export cannot be imported; nothing was written");
            }
            ImportReportText.print(out(), report);
            if (report.problems() > 0) {
                throw new AtriumCommand.CommandFailure(report.problems() + " problem" + (report.problems() == 1 ? "" : "s")
                        + " (printed above); the records they name were left out, everything else "
                        + (dryRun ? "would be imported" : "was imported") + ". Fix them and run the import again.");
            }
        }

        /** Problems as they are found (a file may hold millions of records); progress every 100,000 records. */
        private final class Printing implements ImportListener {
            private long lastShown;

            @Override
            public void problem(ImportProblem p) {
                out().println("problem: " + p);
            }

            @Override
            public void progress(String file, long records) {
                if (records / 100_000 > lastShown / 100_000) {
                    err().println("atrium: " + file + ": " + records + " records read");
                }
                lastShown = records;
            }
        }
    }
}
