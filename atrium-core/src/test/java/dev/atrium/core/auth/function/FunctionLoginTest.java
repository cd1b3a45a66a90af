package dev.atrium.core.auth.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.idp.ExternalIdentity;
import dev.atrium.core.idp.IdpHttp;
import dev.atrium.core.idp.IdpUnreachableException;
import dev.atrium.core.kernel.AuthException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a function's answer means. The endpoint here answers what each test says (the real one, the
 * server's signed outbound call, is tested through a running server against the IdP stub).
 */
class FunctionLoginTest {
    final FunctionSettings settings = FunctionSettings.from(Map.of("function_url", "https://fn.example/login",
            "function_secret", "shh"));
    final List<String> calls = new ArrayList<>();

    ExternalIdentity answered(int status, String body) {
        FunctionEndpoint endpoint = (url, secret, appId, payload) -> {
            calls.add(url + " " + secret + " " + appId + " " + new String(payload, StandardCharsets.UTF_8));
            return new IdpHttp.Reply(status, body.getBytes(StandardCharsets.UTF_8));
        };
        return new FunctionLogin(endpoint).verify("app-1", settings, new FunctionPayload("{\"u\":1}".getBytes(StandardCharsets.UTF_8)));
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
        assertThat(calls).containsExactly("https://fn.example/login shh app-1 {\"u\":1}");
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
        FunctionEndpoint down = (url, secret, appId, payload) -> {
            throw new IdpUnreachableException("DEADLINE: fn.example: no complete answer within 10000 ms");
        };
        assertThatThrownBy(() -> new FunctionLogin(down).verify("a", settings, new FunctionPayload(new byte[] {'{', '}'})))
                .isInstanceOfSatisfying(AuthException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(FunctionLogin.UNREACHABLE);
                    assertThat(e.detail()).contains("DEADLINE");
                });
    }

    @Test
    void theFunctionSecretIsASecretAndStaysOutOfTheSettingsText() {
        assertThat(FunctionSettings.SECRET_KEYS).allMatch(SecretFields::isSecret);
        assertThat(settings.toString()).contains("function_secret_set=true").doesNotContain("shh");
        assertThat(settings.functionUrl()).isEqualTo(URI.create("https://fn.example/login"));
    }
}
