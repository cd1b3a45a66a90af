package dev.atrium.server.cli;

import picocli.CommandLine.Option;

/** {@code --app APP}, the app a command acts on, declared once for every command that needs one. */
final class AppOption {
    @Option(names = "--app", required = true, paramLabel = "APP", description = "app id")
    String id;
}
