package dev.atrium.bench.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.cli.AtriumCommand;
import dev.atrium.store.jdbc.ScratchStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code atrium bench --import} imports is a valid export: the server's own command takes every
 * generated user, in this JVM (the bench runs it as a process of its own, with the server jar).
 */
class GeneratedExportTest {
    @TempDir
    Path dir;

    @Test
    void theServersImportTakesEveryGeneratedUserWithoutAProblem() {
        Path users = GeneratedExport.write(dir.resolve("export-files"), 1_000);
        ScratchStore store = ScratchStore.createSqlite(dir.resolve("store"));
        store.migrate();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = AtriumCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("import", "app-services", dir.resolve("export-files/export").toString(), "--users",
                users.toString(), "--data-dir", store.dir().toString(), "--store", store.storeUrl());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("users.json: 1000 records: 1000 new, 0 updated, 0 left out")
                .doesNotContain("problem:");
    }
}
