package dev.atrium.core.auth.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.apps.SettingField;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.OutboundHttp;
import dev.atrium.core.kernel.RequestFields;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a function's answer means. The outbound client here answers what each test says (the real
 * one, the server's signed outbound call, is tested through a running server against the IdP stub).
 */
class FunctionLoginTest {
    final FunctionSettings settings = FunctionSettings.from(Map.of("function_url", "https://fn.example/login",
            "function_secret", "shh"));
    final List<String> calls = new ArrayList<>();
    final FunctionSigner signer = (secret, body) -> Map.of("X-Signed", secret + ":" + body.length);

    /** An outbound client whose POST answers {@code status} and {@code body}, recording what it was sent. */
    OutboundHttp answering(int status, String body) {
        return new OutboundHttp() {
            @Override
            public Answer get(URI url, Map<String, String> headers) {
                throw new AssertionError("a function is POSTed to");
            }

            @Override
            public Answer post(URI url, Map<String, String> headers, String contentType, byte[] payload) {
                calls.add(url + " " + new java.util.TreeMap<>(headers) + " " + contentType + " "
                        + new String(payload, StandardCharsets.UTF_8));
                return new Answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    ExternalIdentity answered(int status, String body) {
        return new FunctionLogin(answering(status, body), signer)
                .verify("app-1", settings, new FunctionPayload("{\"u\":1}".getBytes(StandardCharsets.UTF_8)));
    }

    static void refused(Runnable call, String text) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.AuthError);
            assertThat(e.getMessage()).isEqualTo(text);
        });
    }

    @Test
    void theIdNamesTheIdentityDataAndNameTheProfile() {
        ExternalIdentity id = answered(200, "{\"id\":\"ext-7\",\"name\":\"Ann\",\"data\":{\"plan\":\"pro\",\"name\":\"x\",\"n\":null}}");

        assertThat(id.subject()).isEqualTo("ext-7");
        assertThat(id.profile()).isEqualTo(Map.of("plan", "pro", "name", "Ann"));
        assertThat(calls).containsExactly("https://fn.example/login {X-Atrium-App=app-1, X-Signed=shh:7} application/json {\"u\":1}");
    }

    @Test
    void anIdAloneIsEnough() {
        assertThat(answered(201, "{\"id\":\"ext-8\"}").profile()).isEmpty();
    }

    @Test
    void eachBadAnswerHasItsText() {
        refused(() -> answered(403, "{\"id\":\"ext\"}"), FunctionLogin.REFUSED);
        refused(() -> answered(200, "{\"name\":\"Ann\"}"), FunctionLogin.NO_ID);
        refused(() -> answered(200, "{\"id\":7}"), FunctionLogin.NO_ID);
        refused(() -> answered(200, "{\"id\":\"a\",\"data\":\"b\"}"), FunctionLogin.GARBAGE);
        refused(() -> answered(200, "not json"), FunctionLogin.GARBAGE);
        refused(() -> answered(200, ""), FunctionLogin.GARBAGE);
    }

    @Test
    void anUnreachableFunctionIsSaidApartWithTheReasonForTheLogOnly() {
        OutboundHttp down = new OutboundHttp() {
            @Override
            public Answer get(URI url, Map<String, String> headers) throws Failure {
                throw new Failure("unused");
            }

            @Override
            public Answer post(URI url, Map<String, String> headers, String contentType, byte[] body) throws Failure {
                throw new Failure("DEADLINE: fn.example: no complete answer within 10000 ms");
            }
        };
        assertThatThrownBy(() -> new FunctionLogin(down, signer).verify("a", settings, new FunctionPayload(new byte[] {'{', '}'})))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(FunctionLogin.UNREACHABLE);
                    assertThat(e.detail()).contains("DEADLINE");
                });
    }

    @Test
    void theFunctionSecretIsDeclaredWriteOnlyAndStaysOutOfTheSettingsText() {
        assertThat(new FunctionProvider().settings().fields()).filteredOn(SettingField::secret).extracting(SettingField::name)
                .containsExactly("function_secret").allMatch(SecretFields::isSecret);
        assertThat(settings.toString()).contains("function_secret_set=true").doesNotContain("shh");
        assertThat(settings.functionUrl()).isEqualTo(URI.create("https://fn.example/login"));
    }

    @Test
    void thePayloadIsTheWholeBodyButTheSdksOptions() {
        FunctionPayload p = new FunctionProvider().credentials(RequestFields.of(Map.of("user", "ann", "n", 2,
                "options", Map.of("device", Map.of("sdkVersion", "2")))));

        assertThat(new String(p.json(), StandardCharsets.UTF_8)).doesNotContain("options").contains("\"user\":\"ann\"", "\"n\":2");
    }

    @Test
    void settingsNameEveryMissingOrUnknownKey() {
        assertThatThrownBy(() -> FunctionSettings.from(Map.of("function_url", "ftp://x/f", "webhook_secret", "w")))
                .hasMessageContaining("function_url must be an http(s) URL")
                .hasMessageContaining("function_secret is required")
                .hasMessageContaining("webhook_secret is not a setting");
    }
}
