package dev.atrium.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atrium.bench.http.ClientKind;
import dev.atrium.bench.load.ClientNetworks;
import dev.atrium.bench.load.Scenario;
import dev.atrium.bench.report.BenchReport;
import dev.atrium.bench.report.TextReport;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atrium bench}: the options; {@link BenchRun} does the work. */
@Command(name = "atrium bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drives an Atrium server over loopback and reports throughput, latency and errors per scenario, "
                + "beside a baseline of the raw work measured in the same run (store insert, signing a token), as ratios.",
            "Without --url it launches a fresh server (SQLite, or --store postgresql://…) and also measures its "
                + "start-up time and memory. Exit status 1 when any request failed.", ""})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--url", paramLabel = "URL", description = "A running server's base URL (default: launch one).")
    URI url;
    @Option(names = "--app", paramLabel = "ID", description = "The app id of the server given by --url.")
    String appId;
    @Option(names = "--server-pid", paramLabel = "PID", description = "Pid of the server given by --url, for CPU and RSS.")
    Long serverPid;
    @Option(names = "--store", paramLabel = "URL", defaultValue = "sqlite",
            description = "Store of the launched server: sqlite, or postgresql://user@host:port/db (own schema). Default: ${DEFAULT-VALUE}.")
    String store;
    @Option(names = "--pool-size", defaultValue = "16",
            description = "The launched server's --store-pool-size and the PostgreSQL baseline's connections. Default: ${DEFAULT-VALUE}.")
    int poolSize;
    @Option(names = "--server-jar", paramLabel = "JAR", description = "Server jar to launch (default: atrium-server/target/atrium-server.jar).")
    Path serverJar;
    @Option(names = "--server-jvm-option", paramLabel = "OPT", description = "JVM option for the launched server (repeatable).")
    List<String> serverJvmOptions = List.of();
    @Option(names = "--server-arg", paramLabel = "ARG",
            description = "Argument for the launched server's serve command (repeatable), e.g. --server-arg=--log-format=json.")
    List<String> serverArgs = List.of();
    @Option(names = "--signing-alg", paramLabel = "ALG",
            description = "Switch the launched server's app to ES256 or EdDSA before the load (default: what a new app gets, ES256).")
    String signingAlg;
    @Option(names = "--idle-rss-after", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long after ready the launched server's idle RSS is read, at each start; `serve` trims its C heap "
                    + "after 8 s without requests, so 12s shows an idle server after that trim. Default: ${DEFAULT-VALUE}.")
    Duration idleRssAfter;
    @Option(names = "--keep", description = "Keep the launched server's data directory (and schema).")
    boolean keep;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "64", description = "Simulated clients (connections). Default: ${DEFAULT-VALUE}.")
    int concurrency;
    @Option(names = {"-w", "--warmup"}, defaultValue = "10s", converter = DurationConverter.class,
            description = "Warm-up per scenario, not measured; on two shared cores the JIT needs about this long. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration warmup;
    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured window per scenario. Default: ${DEFAULT-VALUE}.")
    Duration duration;
    @Option(names = {"-s", "--scenarios"}, split = ",", defaultValue = "login,refresh,profile,mix",
            description = "Scenarios in order: login, refresh, profile, mix. Default: ${DEFAULT-VALUE}.")
    List<Scenario> scenarios;
    @Option(names = "--client", defaultValue = "raw", description = "HTTP client: raw (socket) or jdk (java.net.http). Default: ${DEFAULT-VALUE}.")
    ClientKind client;
    @Option(names = "--ceiling-duration", defaultValue = "5s", converter = DurationConverter.class,
            description = "Window of the load generator's ceiling against GET /health/live; 0 skips it. Default: ${DEFAULT-VALUE}.")
    Duration ceilingDuration;

    @Option(names = "--time-to-peak", arity = "0..1", fallbackValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "First, before anything else reaches the server: guest logins from every client at once for DURATION "
                    + "(default 30s), no warm-up; reports logins per second, the peak (mean of the last 10 s) and the first "
                    + "second at 90 %% of it. Launched server: right after its restart.")
    Duration timeToPeak;

    @Option(names = "--compare-guest-limits", paramLabel = "ROUNDS", defaultValue = "0",
            description = "Also run login alternately against a second server on the same store with --guest-limits node "
                    + "and against the launched one (limits kept by the store), ROUNDS times each; reports the ratio.")
    int compareGuestLimits;

    @Option(names = "--client-networks", paramLabel = "N", defaultValue = "1",
            description = "Spread the clients over N client networks (X-Forwarded-For from 198.18.0.0/15, the launched server "
                    + "trusting loopback as a proxy); 1 = all from 127.0.0.1, one guest-limit bucket. With --url the server must trust the generator's address. "
                    + "Default: ${DEFAULT-VALUE}.")
    int clientNetworks;

    @Option(names = "--baseline-store", paramLabel = "URL",
            description = "Where the store baseline runs (default: beside the server's store, from its /health/ready).")
    String baselineStore;
    @Option(names = "--baseline-warmup", defaultValue = "3s", converter = DurationConverter.class,
            description = "Warm-up of each baseline (the JIT needs it: signing in Java is slow until compiled). Default: ${DEFAULT-VALUE}.")
    Duration baselineWarmup;
    @Option(names = "--baseline-duration", defaultValue = "5s", converter = DurationConverter.class,
            description = "Measured window of each baseline. Default: ${DEFAULT-VALUE}.")
    Duration baselineDuration;
    @Option(names = "--no-baseline", description = "Skip the baselines (and the ratios).")
    boolean noBaseline;
    @Option(names = "--footprint", paramLabel = "GUESTS", defaultValue = "0",
            description = "Also insert GUESTS guests into a fresh store of the same kind and report bytes per guest.")
    int footprintGuests;
    @Option(names = "--sweep", paramLabel = "GUESTS", defaultValue = "0",
            description = "Also time the sweeper deleting GUESTS expired guests from a fresh store of the same kind.")
    int sweepGuests;
    @Option(names = "--logins-while-sweeping", paramLabel = "GUESTS", defaultValue = "0",
            description = "Also seed GUESTS expired guests into the launched server's store and run login twice on it: "
                    + "its sweeper idle, then deleting them (the server runs with --sweep-interval 1s); reports the ratio, "
                    + "the p99s and the sweeper's guests/s while serving. Last in the run.")
    int loginsWhileSweeping;
    @Option(names = "--import", paramLabel = "USERS", defaultValue = "0",
            description = "Also time `atrium import app-services` of USERS App Services users into a fresh store of the same "
                    + "kind, in a process of its own with the --server-jvm-option options; reports rate and peak RSS.")
    int importUsers;

    @Option(names = "--search", paramLabel = "USERS", defaultValue = "0",
            description = "Also time the admin users list (search by e-mail prefix and id, sorts, the total) over USERS users "
                    + "seeded into a fresh store of the same kind.")
    int searchUsers;

    @Option(names = "--json", arity = "0..1", fallbackValue = "-", paramLabel = "FILE",
            description = "Print the report as JSON instead of text; --json=FILE prints text and writes JSON to FILE.")
    String json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        BenchReport report = runBench();
        PrintWriter out = spec.commandLine().getOut();
        String asJson = json == null ? null
                : JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report);
        if ("-".equals(json)) {
            out.println(asJson);
            out.flush();
        } else {
            TextReport.print(report, out);
            if (asJson != null) {
                java.nio.file.Files.writeString(Path.of(json), asJson + System.lineSeparator());
            }
        }
        return report.clean() ? 0 : 1;
    }

    /** Runs everything asked and returns the report (the smoke test calls this directly). */
    public BenchReport runBench() {
        if (url != null && appId == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--url needs --app");
        }
        if (url != null && loginsWhileSweeping > 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--logins-while-sweeping seeds the launched server's store: not with --url");
        }
        if (clientNetworks < 1 || clientNetworks > ClientNetworks.MAX) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--client-networks: 1 to " + ClientNetworks.MAX);
        }
        if (url != null && compareGuestLimits > 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--compare-guest-limits starts a second server on the launched one's store: not with --url");
        }
        return new BenchRun(this).run();
    }

    /** The --client-networks as the load takes them. */
    ClientNetworks clientNetworks() {
        return new ClientNetworks(clientNetworks);
    }

    /** Where the server jar is: --server-jar, else beside this jar's module in the source tree. */
    Path serverJar() {
        if (serverJar != null) {
            return serverJar;
        }
        try {
            Path self = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = self.getParent().getParent().getParent().resolve("atrium-server/target/atrium-server.jar");
            return candidate.toFile().isFile() ? candidate : Path.of("atrium-server/target/atrium-server.jar");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("atrium-server/target/atrium-server.jar");
        }
    }
}
