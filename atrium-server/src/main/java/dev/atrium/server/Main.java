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
        if (code != 0 || args.length == 0 || !args[0].equals("serve")) {
            System.exit(code);
        }
    }
}
