package dev.atrium.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.server.outbound.Destinations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** defaults &lt; file &lt; environment &lt; flags; every bad key named with its range. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void noConfigurationGivesTheDocumentedDefaults() {
        AtriumConfig c = ConfigLoader.load(Map.of("config", write("")), Map.of());

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(9090);
        assertThat(c.publicUrlFor(9090)).isEqualTo("http://127.0.0.1:9090");
        assertThat(c.dataDir()).isEqualTo(Path.of("atrium-data").toAbsolutePath());
        assertThat(c.effectiveStoreUrl()).isEqualTo("sqlite:" + Path.of("atrium-data").toAbsolutePath().resolve("atrium.db"));
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.masterKeyFile()).as("not named: the default, which may be made at first start").isNull();
        assertThat(c.effectiveMasterKeyFile()).isEqualTo(Path.of("atrium-data").toAbsolutePath().resolve("master.key"));
        assertThat(c.http().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.http().metricsAccess()).isEqualTo(MetricsAccess.PUBLIC);
    }

    @Test
    void operationsDefaultToTextLogsNoManagementPortATwentySecondDrainAndNoTracing() {
        Operations o = ConfigLoader.load(Map.of("config", write("")), Map.of()).operations();

        assertThat(o).isEqualTo(Operations.DEFAULTS);
        assertThat(o.logs()).isEqualTo(new Operations.Logs(LogFormat.TEXT, false, java.util.logging.Level.INFO));
        assertThat(o.management()).isNull();
        assertThat(o.shutdown()).isEqualTo(new Operations.Shutdown(Duration.ofSeconds(20), Duration.ZERO));
        assertThat(o.tracing().enabled()).isFalse();
    }

    @Test
    void operationsComeFromTheFileTheEnvironmentAndTheFlags() {
        String file = write("log-format=json\naccess-log=true\nmanagement-port=9091\notlp-headers=x-key=s3cret,x-team=ops\n");

        Operations o = ConfigLoader.load(Map.of("config", file, "shutdown-grace-period", "45s", "host", "0.0.0.0"),
                Map.of("ATRIUM_LOG_LEVEL", "debug", "ATRIUM_OTLP_ENDPOINT", "http://collector:4318/", "ATRIUM_SHUTDOWN_DELAY", "5s",
                        "ATRIUM_TRACE_SAMPLE_RATIO", "0.25")).operations();

        assertThat(o.logs()).isEqualTo(new Operations.Logs(LogFormat.JSON, true, java.util.logging.Level.FINE));
        assertThat(o.management()).isEqualTo(new Operations.Listener("0.0.0.0", 9091));
        assertThat(o.shutdown()).isEqualTo(new Operations.Shutdown(Duration.ofSeconds(45), Duration.ofSeconds(5)));
        assertThat(o.tracing().otlpEndpoint()).hasToString("http://collector:4318");
        assertThat(o.tracing().headers()).containsOnly(Map.entry("x-key", "s3cret"), Map.entry("x-team", "ops"));
        assertThat(o.tracing().sampleRatio()).isEqualTo(0.25);
        assertThat(o.tracing().toString()).as("headers are credentials").doesNotContain("s3cret");
    }

    @Test
    void badOperationsSettingsAreNamedAndNeverEchoAHeaderValue() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "log-format", "xml", "access-log", "yes",
                "log-level", "loud", "management-port", "70000", "shutdown-delay", "1h", "otlp-endpoint", "ftp://c",
                "otlp-headers", "s3cret-without-a-name", "trace-sample-ratio", "-1"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).containsExactlyInAnyOrder("log-format: 'xml' must be text or json",
                            "access-log: 'yes' must be true or false",
                            "log-level: 'loud' must be ERROR, WARN, INFO, DEBUG or TRACE",
                            "management-port: '70000' is not an integer in 0..65535",
                            "shutdown-delay: 1h is outside PT0S..PT5M",
                            "otlp-endpoint: 'ftp://c' must be an http(s) URL such as http://collector:4318",
                            "otlp-headers: each entry must be name=value (entry 1 is not)",
                            "trace-sample-ratio: '-1' must be a number in 0..1");
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
    }

    @Test
    void metricsAccessIsPublicOrAdminToken() {
        assertThat(ConfigLoader.load(Map.of("config", write(""), "metrics-access", "admin-token"), Map.of()).http()
                .metricsAccess()).isEqualTo(MetricsAccess.ADMIN_TOKEN);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "metrics-access", "secret"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("metrics-access: 'secret' must be public or admin-token"));
    }

    @Test
    void guestLimitsAreKeptByTheStoreUnlessNodeIsAsked() {
        assertThat(ConfigLoader.load(Map.of("config", write("")), Map.of()).guestLimits()).isEqualTo(GuestLimitsMode.STORE);
        assertThat(ConfigLoader.load(Map.of("config", write(""), "guest-limits", "node"), Map.of()).guestLimits())
                .isEqualTo(GuestLimitsMode.NODE);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "guest-limits", "redis"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("guest-limits: 'redis' must be store or node"));
    }

    @Test
    void idleTimeoutIsADurationOfOneSecondToOneHour() {
        assertThat(ConfigLoader.load(Map.of("config", write("idle-timeout=90s")), Map.of()).http().idleTimeout())
                .isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "idle-timeout", "0"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("idle-timeout: 0 is outside PT1S..PT1H"));
    }

    @Test
    void theMasterKeyFileComesFromTheFileTheEnvironmentOrTheFlag() {
        String file = write("master-key-file=/etc/atrium/from-file.key\n");

        assertThat(ConfigLoader.load(Map.of("config", file), Map.of()).effectiveMasterKeyFile())
                .isEqualTo(Path.of("/etc/atrium/from-file.key"));
        assertThat(ConfigLoader.load(Map.of("config", file), Map.of("ATRIUM_MASTER_KEY_FILE", "/run/secrets/atrium.key"))
                .effectiveMasterKeyFile()).isEqualTo(Path.of("/run/secrets/atrium.key"));
        assertThat(ConfigLoader.load(Map.of("config", file, "master-key-file", "relative.key"), Map.of()).masterKeyFile())
                .isEqualTo(Path.of("relative.key").toAbsolutePath());
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", file, "master-key-file", " "), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("master-key-file: must not be empty");
    }

    @Test
    void fileBeatsDefaultsEnvironmentBeatsFileFlagsBeatEnvironment() {
        String file = write("port=1001\nhost=0.0.0.0\npublic-url=https://auth.example.com\ncache-ttl=1m\n");

        AtriumConfig c = ConfigLoader.load(Map.of("config", file, "port", "1003"),
                Map.of("ATRIUM_PORT", "1002", "ATRIUM_HOST", "::1"));

        assertThat(c.port()).isEqualTo(1003);
        assertThat(c.host()).isEqualTo("::1");
        assertThat(c.publicUrl()).isEqualTo("https://auth.example.com");
        assertThat(c.cacheTtl()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void configFileFromEnvironmentIsRead() {
        AtriumConfig c = ConfigLoader.load(Map.of(), Map.of("ATRIUM_CONFIG", write("port=1234\n")));

        assertThat(c.port()).isEqualTo(1234);
    }

    @Test
    void everyBadKeyIsNamedWithItsRangeInOneError() {
        String file = write("port=-1\nprot=9090\n");

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", file, "store-url", "mysql://x",
                "store-connect-timeout", "10ms", "store-schema", "Bad-Name"), Map.of("ATRIUM_PUBLIC_URL", "http://h/path")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(6);
                    assertThat(e.problems().get(0)).startsWith("prot: unknown key in " + file + " (known: ")
                            .contains("port, public-url");
                    assertThat(e.problems().subList(1, 6)).containsExactlyInAnyOrder(
                            "port: '-1' is not an integer in 0..65535",
                            "public-url: 'http://h/path' must be scheme://host[:port] with http or https and no path (docs/client-api.md, Location)",
                            "store-url: must start with sqlite: or postgresql://",
                            "store-connect-timeout: 10ms is outside PT0.25S..PT1M",
                            "store-schema: 'Bad-Name' must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63)");
                });
    }

    @Test
    void missingExplicitConfigFileIsAnError() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", dir.resolve("nope.properties").toString()), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
    }

    @Test
    void durationsAcceptShortFormsAndIso() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
    }

    @Test
    void sweepIntervalZeroWithoutAUnitTurnsTheSweeperOff() {
        AtriumConfig c = ConfigLoader.load(Map.of("config", write("")), Map.of("ATRIUM_SWEEP_INTERVAL", "0"));
        assertThat(c.lifecycle().sweepInterval()).isZero();
        assertThatThrownBy(() -> Durations.parse("-1")).hasMessageContaining("not a duration");
    }

    @Test
    void theSweeperPausesOnlyWhileServingNineTimesItsBatchUnlessConfiguredAndAYieldOutOfRangeFailsTheStart() {
        AtriumConfig defaults = ConfigLoader.load(Map.of("config", write("")), Map.of());
        AtriumConfig set = ConfigLoader.load(Map.of("config", write("sweep-yield=0\n")),
                Map.of("ATRIUM_SWEEP_PAUSE", "50ms"));

        assertThat(defaults.lifecycle().sweepPause()).isZero();
        assertThat(defaults.lifecycle().sweepYield()).isEqualTo(9);
        assertThat(set.lifecycle().sweepYield()).isZero();
        assertThat(set.lifecycle().sweepPause()).isEqualTo(Duration.ofMillis(50));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "sweep-yield", "101"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "sweep-yield: '101' is not an integer in 0..100"));
    }

    @Test
    void passwordHashingRunsOnePerCoreAtOnceAndWaitsTwoSecondsForATurnUnlessConfigured() {
        AtriumConfig defaults = ConfigLoader.load(Map.of("config", write("")), Map.of());
        AtriumConfig set = ConfigLoader.load(Map.of("config", write("argon2-concurrency=3\n")),
                Map.of("ATRIUM_ARGON2_QUEUE_TIMEOUT", "0"));

        assertThat(defaults.hashing().concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.hashing().queueTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(set.hashing().concurrency()).isEqualTo(3);
        assertThat(set.hashing().queueTimeout()).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "argon2-concurrency", "0",
                "argon2-queue-timeout", "2h"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "argon2-concurrency: '0' is not an integer in 1..256",
                        "argon2-queue-timeout: 2h is outside PT0S..PT1M"));
    }

    @Test
    void outboundCallsDefaultToATenSecondDeadlineAndPrivateDestinationsAllowed() {
        AtriumConfig c = ConfigLoader.load(Map.of("config", write("")), Map.of());

        assertThat(c.outbound().deadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.outbound().destinations()).isEqualTo(Destinations.ANY);
    }

    @Test
    void outboundAllowPrivateFalseRefusesPrivateDestinationsFromFileEnvironmentOrFlag() {
        AtriumConfig fromFile = ConfigLoader.load(Map.of("config", write("outbound-allow-private=false\noutbound-deadline=2s\n")),
                Map.of());
        AtriumConfig fromEnv = ConfigLoader.load(Map.of("config", write("")), Map.of("ATRIUM_OUTBOUND_ALLOW_PRIVATE", "FALSE"));
        AtriumConfig fromFlag = ConfigLoader.load(Map.of("config", write("outbound-allow-private=false\n"),
                "outbound-allow-private", "true"), Map.of());

        assertThat(fromFile.outbound()).isEqualTo(new AtriumConfig.OutboundPolicy(Duration.ofSeconds(2), Destinations.PUBLIC_ONLY));
        assertThat(fromEnv.outbound().destinations()).isEqualTo(Destinations.PUBLIC_ONLY);
        assertThat(fromFlag.outbound().destinations()).isEqualTo(Destinations.ANY);
    }

    @Test
    void badOutboundKeysAreNamedWithWhatTheyAccept() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("config", write(""), "outbound-allow-private", "no",
                "outbound-deadline", "5m"), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "outbound-allow-private: 'no' must be true or false",
                        "outbound-deadline: 5m is outside PT0.1S..PT2M"));
    }

    private String write(String text) {
        try {
            Path f = Files.createTempFile(dir, "atrium", ".properties");
            Files.writeString(f, text);
            return f.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
