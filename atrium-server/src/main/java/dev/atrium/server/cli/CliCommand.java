package dev.atrium.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every command that prints: its output goes to picocli's writers, so tests capture
 * it and {@code --help} and errors share them.
 */
abstract class CliCommand implements Runnable {
    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
