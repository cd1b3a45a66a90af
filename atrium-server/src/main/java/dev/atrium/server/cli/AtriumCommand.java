package dev.atrium.server.cli;

import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.server.app.Stores;
import dev.atrium.server.config.ConfigException;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code atrium}: the root command; every operator surface is a subcommand. */
@Command(name = "atrium", mixinStandardHelpOptions = true, version = "atrium 0.1.0",
        description = "Self-hosted authentication server for guest users (App Services client API v2).",
        subcommands = {ServeCommand.class, AppsCommand.class, ProvidersCommand.class, KeysCommand.class, UsersCommand.class,
                StatsCommand.class, SweepCommand.class, EventsCommand.class, MigrateCommand.class, AdminTokensCommand.class,
                ImportCommand.class,
                AotTrainingCommand.class,
                CommandLine.HelpCommand.class})
public final class AtriumCommand implements Runnable {
    /** Exit code of a configuration error. */
    public static final int CONFIG_ERROR = 2;
    /** Exit code when the store cannot be reached. */
    public static final int STORE_ERROR = 3;
    /** Exit code when the master key is missing, unreadable or not the store's. */
    public static final int MASTER_KEY_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with Atrium's exit codes for configuration and store failures. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AtriumCommand());
        addHelpOption(cl);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ConfigException c) {
                line.getErr().println(c.getMessage());
                return CONFIG_ERROR;
            }
            if (e instanceof MasterKeyException m) {
                line.getErr().println("atrium: " + m.getMessage());
                return MASTER_KEY_ERROR;
            }
            if (e instanceof StoreUnavailableException || e instanceof Stores.MissingStore) {
                line.getErr().println("atrium: " + e.getMessage());
                return STORE_ERROR;
            }
            if (e instanceof java.io.UncheckedIOException io && io.getCause() instanceof java.net.BindException bind) {
                line.getErr().println("atrium: cannot listen: " + bind.getMessage());
                return 1;
            }
            if (e instanceof java.io.UncheckedIOException io) { // a data directory or file it cannot make or read
                line.getErr().println("atrium: " + io.getMessage());
                return 1;
            }
            if (e instanceof AuthException refused) { // the domain refusing a store-path change, as the API would
                line.getErr().println("atrium: " + refused.code() + ": " + refused.getMessage());
                return 1;
            }
            if (e instanceof IllegalArgumentException || e instanceof CommandFailure) {
                line.getErr().println("atrium: " + e.getMessage());
                return 1;
            }
            // A bug or a failure nobody foresaw: still one line; the stack trace goes to the log at DEBUG.
            System.getLogger("atrium.cli").log(System.Logger.Level.DEBUG, "unexpected failure", e);
            line.getErr().println("atrium: unexpected failure: " + e + " (ATRIUM_LOG_LEVEL=DEBUG logs the stack trace)");
            return 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            line.getErr().println("atrium: " + e.getMessage());
            line.getErr().println("see: " + line.getCommandSpec().qualifiedName() + " --help");
            return CONFIG_ERROR;
        });
        return cl;
    }

    /** {@code -h/--help} on every subcommand, so {@code atrium users list --help} shows its options. */
    private static void addHelpOption(CommandLine parent) {
        for (CommandLine sub : parent.getSubcommands().values()) {
            if (!sub.getCommandSpec().optionsMap().containsKey("--help")) {
                sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
                addHelpOption(sub);
            }
        }
    }

    /** A command could not do what was asked; the message says why, exit code 1. */
    public static final class CommandFailure extends RuntimeException {
        public CommandFailure(String message) {
            super(message);
        }
    }
}
