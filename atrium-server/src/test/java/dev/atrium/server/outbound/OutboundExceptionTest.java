package dev.atrium.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.server.outbound.OutboundException.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How an exchange's I/O failure is named: the timeouts that equal the deadline are the deadline's
 * even when the deadline's timer has not marked the exchange late yet (under load they can fire
 * first), a refused destination stays refused, and a broken connection before the deadline is
 * UNREACHABLE. The operator's message names the host, never the answer.
 */
class OutboundExceptionTest {
    static final Duration DEADLINE = Duration.ofSeconds(2);

    record Scenario(String name, IOException ended, boolean late, Failure named) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Scenario> scenarios() {
        return List.of(
                new Scenario("a read timeout before the timer fired", new SocketTimeoutException("Read timed out"), false,
                        Failure.DEADLINE),
                new Scenario("a connect timeout before the timer fired", new ConnectTimeoutException("Connect timed out"),
                        false, Failure.DEADLINE),
                new Scenario("the timer's cancel ending the exchange", new IOException("Request aborted"), true,
                        Failure.DEADLINE),
                new Scenario("a refused connection in time", new ConnectException("Connection refused"), false,
                        Failure.UNREACHABLE),
                new Scenario("a refused destination, even late",
                        new IOException("resolving", new CheckedResolver.Refused("10.0.0.1: private (outbound-allow-private=false)")),
                        true, Failure.DESTINATION_REFUSED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void anExchangeEndedByThisFailureIsNamedSo(Scenario s) {
        OutboundException e = OutboundException.of(s.ended(), s.late(), "hooks.example:443", DEADLINE);

        assertThat(e.failure()).isEqualTo(s.named());
        if (s.named() == Failure.DEADLINE) {
            assertThat(e.getMessage()).isEqualTo("hooks.example:443: no complete answer within 2000 ms");
        }
    }
}
