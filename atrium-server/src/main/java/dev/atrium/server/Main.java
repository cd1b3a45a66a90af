package dev.atrium.server;

import dev.atrium.server.cli.AtriumCommand;
import dev.atrium.server.cli.Logging;

/** The one entry point: {@code atrium <command>}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Logging.configure();
        picocli.CommandLine cl = AtriumCommand.commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code); // serve too, once drained: nothing left running may keep the JVM up
    }
}
