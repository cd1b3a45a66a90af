package dev.atrium.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.server.outbound.OutboundException.Failure;
import dev.atrium.server.testing.HostileReceiver;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The outbound client against hostile receivers on loopback (real sockets, a one-second deadline). */
class OutboundTest {
    static final long GIB = 1L << 30;
    final Outbound outbound = new Outbound(Duration.ofSeconds(1), Destinations.ANY);

    @AfterEach
    void close() {
        outbound.close();
    }

    private static byte[] json() {
        return "{\"type\":\"confirm\"}".getBytes(StandardCharsets.UTF_8);
    }

    private static Failure failureOf(ThrowingCall call) {
        try {
            call.run();
        } catch (OutboundException e) {
            return e.failure();
        }
        throw new AssertionError("the call succeeded");
    }

    @FunctionalInterface
    interface ThrowingCall {
        void run() throws OutboundException;
    }

    @Test
    void aChunkedGibibyteAnswerIsCutAtTheCapAndTheReceiverCannotWriteMuchMore() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.hugeChunkedBody(GIB))) {
            assertThat(failureOf(() -> outbound.post(r.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK)))
                    .isEqualTo(Failure.TOO_LARGE);
            r.hungUp.await();

            assertThat(r.bytesWritten.get()).as("dropped, not drained: only socket buffers' worth got out")
                    .isLessThan(64L << 20);
        }
    }

    @Test
    void aDeclaredGibibyteIsRefusedBeforeItsBodyIsRead() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.hugeDeclaredBody(GIB))) {
            assertThat(failureOf(() -> outbound.get(r.url("/jwks.json"), AnswerLimit.JWKS))).isEqualTo(Failure.TOO_LARGE);
            r.hungUp.await();

            assertThat(r.bytesWritten.get()).isLessThan(64L << 20);
        }
    }

    @Test
    void aHeaderLineThatNeverEndsIsCutAtEightKibibytes() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.endlessHeaderLine())) {
            assertThat(failureOf(() -> outbound.get(r.url("/jwks.json"), AnswerLimit.JWKS))).isEqualTo(Failure.UNREACHABLE);
            r.hungUp.await();

            assertThat(r.bytesWritten.get()).isLessThan(64L << 20);
        }
    }

    @Test
    void anAnswerDrippedAByteASecondIsCutAtTheDeadline() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.drip(Duration.ofSeconds(1)))) {
            assertThat(failureOf(() -> outbound.post(r.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK)))
                    .isEqualTo(Failure.DEADLINE);
            r.hungUp.await();

            assertThat(r.dripped.get()).as("body bytes dripped before the cut, of 64 promised").isBetween(1, 3);
        }
    }

    @Test
    void aSilentReceiverIsCutAtTheDeadline() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.silent())) {
            assertThat(failureOf(() -> outbound.get(r.url("/jwks.json"), AnswerLimit.JWKS))).isEqualTo(Failure.DEADLINE);
            r.hungUp.await();
        }
    }

    @Test
    void aRedirectIsAnAnswerNotAnInstructionAndItsTargetSeesNothing() throws Exception {
        try (HostileReceiver target = HostileReceiver.start(HostileReceiver.answer(200, "{}"));
             HostileReceiver r = HostileReceiver.start(HostileReceiver.redirectTo(target.url("/elsewhere")))) {
            Outbound.Answer answer = outbound.post(r.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK);

            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.ok()).isFalse();
            assertThat(target.hits.get()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_x", "jar:file:/x.jar!/a",
            "http:///no-host", "/relative", "127.0.0.1:80"})
    void onlyHttpAndHttpsUrlsWithAHostAreCalled(String url) {
        assertThat(failureOf(() -> outbound.get(url, AnswerLimit.JWKS))).isEqualTo(Failure.URL_REFUSED);
    }

    @Test
    void withPrivateDestinationsRefusedLoopbackOnV4AndV6IsNeverConnectedTo() throws Exception {
        try (Outbound strict = new Outbound(Duration.ofSeconds(1), Destinations.PUBLIC_ONLY);
             HostileReceiver v4 = HostileReceiver.start(HostileReceiver.answer(200, "{}"));
             HostileReceiver v6 = HostileReceiver.on(InetAddress.getByName("::1"), HostileReceiver.answer(200, "{}"))) {
            assertThat(failureOf(() -> strict.post(v4.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK)))
                    .isEqualTo(Failure.DESTINATION_REFUSED);
            assertThat(failureOf(() -> strict.post(v6.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK)))
                    .isEqualTo(Failure.DESTINATION_REFUSED);
            assertThat(failureOf(() -> strict.get("http://localhost:" + v4.port() + "/hook", AnswerLimit.WEBHOOK)))
                    .isEqualTo(Failure.DESTINATION_REFUSED);

            assertThat(v4.hits.get() + v6.hits.get()).isZero();
            assertThat(outbound.post(v4.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK).status())
                    .as("allowed by default").isEqualTo(200);
        }
    }

    @Test
    void afterAnAttackTheNextCallToAnHonestReceiverSucceeds() throws Exception {
        try (HostileReceiver bad = HostileReceiver.start(HostileReceiver.hugeChunkedBody(GIB));
             HostileReceiver good = HostileReceiver.start(HostileReceiver.answer(200, "{\"status\":\"success\"}"))) {
            assertThatThrownBy(() -> outbound.post(bad.url("/hook"), Map.of(), json(), AnswerLimit.WEBHOOK))
                    .isInstanceOf(OutboundException.class);

            Outbound.Answer answer = outbound.post(good.url("/hook"), Map.of("X-Test", "1"), json(), AnswerLimit.WEBHOOK);

            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"success\"}");
            assertThat(good.requests.getFirst().header("X-Test")).isEqualTo("1");
            assertThat(good.requests.getFirst().header("Content-Type")).startsWith("application/json");
        }
    }
}
