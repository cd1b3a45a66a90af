package dev.atrium.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.kernel.OutboundHttp;
import dev.atrium.server.testing.HostileReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The providers' outbound port against receivers on loopback: what it sends (method, headers,
 * content type, body), what it answers, and the outbound limits (cap, redirect, deadline) as
 * {@link OutboundHttp.Failure}s.
 */
class ProviderHttpTest {
    final Outbound outbound = new Outbound(Duration.ofSeconds(1), Destinations.ANY);
    final ProviderHttp http = new ProviderHttp(outbound);

    @AfterEach
    void close() {
        outbound.close();
    }

    @Test
    void postWhenFormBodyThenSentWithItsContentTypeAndHeadersAndTheAnswerIsReturned() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.answer(200, "{\"id_token\":\"t\"}"))) {
            byte[] form = "code=abc&grant_type=authorization_code".getBytes(StandardCharsets.UTF_8);

            OutboundHttp.Answer a = http.post(URI.create(r.url("/token")), Map.of("Accept", "application/json"),
                    "application/x-www-form-urlencoded", form);

            assertThat(a.ok()).isTrue();
            assertThat(new String(a.body(), StandardCharsets.UTF_8)).isEqualTo("{\"id_token\":\"t\"}");
            assertThat(a.contentType()).isEqualTo("application/json");
            HostileReceiver.Request sent = r.requests.get(0);
            assertThat(sent.head()).startsWith("POST /token ");
            assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(sent.header("Accept")).isEqualTo("application/json");
            assertThat(sent.body()).isEqualTo(form);
        }
    }

    @Test
    void getWhenHeadersGivenThenSentAndANon2xxIsAnAnswerNotAFailure() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.answer(400, "{\"error\":\"bad\"}"))) {
            OutboundHttp.Answer a = http.get(URI.create(r.url("/me?fields=id")), Map.of("Authorization", "Bearer x"));

            assertThat(a.status()).isEqualTo(400);
            assertThat(a.ok()).isFalse();
            assertThat(r.requests.get(0).head()).startsWith("GET /me?fields=id ");
            assertThat(r.requests.get(0).header("Authorization")).isEqualTo("Bearer x");
        }
    }

    @Test
    void getWhenRedirectedThenTheRedirectIsTheAnswer() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.redirectTo("http://169.254.169.254/latest"))) {
            assertThat(http.get(URI.create(r.url("/jwks")), Map.of()).status()).isEqualTo(302);
            assertThat(r.hits.get()).isEqualTo(1);
        }
    }

    @Test
    void getWhenTheAnswerIsLargerThanTheProviderCapThenAFailureNamingIt() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.hugeDeclaredBody(AnswerLimit.PROVIDER.bytes() + 1L))) {
            assertThatThrownBy(() -> http.get(URI.create(r.url("/me")), Map.of()))
                    .isInstanceOf(OutboundHttp.Failure.class).hasMessageStartingWith("TOO_LARGE");
        }
    }

    @Test
    void postWhenNoAnswerWithinTheDeadlineThenAFailureNamingIt() throws Exception {
        try (HostileReceiver r = HostileReceiver.start(HostileReceiver.silent())) {
            assertThatThrownBy(() -> http.post(URI.create(r.url("/fn")), Map.of(), "application/json", new byte[0]))
                    .isInstanceOf(OutboundHttp.Failure.class).hasMessageStartingWith("DEADLINE");
        }
    }

    @Test
    void getWhenNotHttpThenRefusedWithoutACall() {
        assertThatThrownBy(() -> http.get(URI.create("file:///etc/passwd"), Map.of()))
                .isInstanceOf(OutboundHttp.Failure.class).hasMessageStartingWith("URL_REFUSED");
    }
}
