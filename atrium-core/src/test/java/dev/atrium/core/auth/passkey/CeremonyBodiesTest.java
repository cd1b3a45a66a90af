package dev.atrium.core.auth.passkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the bodies of both ceremonies (WebAuthn's {@code toJSON()} forms) into typed records. */
class CeremonyBodiesTest {

    private static RequestFields assertion(Map<String, Object> response) {
        return RequestFields.of(Map.of("id", "AQID", "rawId", "AQID", "type", "public-key", "response", response));
    }

    private static void refused(Runnable read, ErrorCode code, String message) {
        assertThatThrownBy(read::run).isInstanceOf(AuthException.class).hasMessage(message)
                .satisfies(e -> assertThat(((AuthException) e).code()).isEqualTo(code));
    }

    @Test
    void anAssertionIsReadFromBase64urlFieldsAndItsUserHandleIsOptional() {
        PasskeyAssertion a = PasskeyAssertion.read(assertion(Map.of("clientDataJSON", "e30", "authenticatorData", "AAEC",
                "signature", "MEUC")));

        assertThat(a.credentialId()).containsExactly(1, 2, 3);
        assertThat(a.clientDataJson()).containsExactly('{', '}');
        assertThat(a.userHandle()).isNull();
        assertThat(a.toString()).doesNotContain("MEUC");
    }

    @Test
    void aBadAssertionNamesTheFieldAsMissingOrInvalid() {
        refused(() -> PasskeyAssertion.read(RequestFields.of(Map.of("id", "AQID"))), ErrorCode.MissingParameter,
                "missing parameter: response");
        refused(() -> PasskeyAssertion.read(RequestFields.of(Map.of("id", "AQID", "response", "x"))), ErrorCode.InvalidParameter,
                "response must be an object");
        refused(() -> PasskeyAssertion.read(assertion(Map.of("clientDataJSON", "e30", "authenticatorData", "AAEC"))),
                ErrorCode.MissingParameter, "missing parameter: response.signature");
        refused(() -> PasskeyAssertion.read(assertion(Map.of("clientDataJSON", "e30", "authenticatorData", "AAEC",
                "signature", "not base64!"))), ErrorCode.InvalidParameter, "response.signature must be base64url");
        refused(() -> PasskeyAssertion.read(assertion(Map.of("clientDataJSON", 5, "authenticatorData", "AAEC", "signature", "AA"))),
                ErrorCode.InvalidParameter, "response.clientDataJSON must be a base64url string");
        refused(() -> PasskeyAssertion.read(RequestFields.of(Map.of("id", "AQID", "type", "password", "response", Map.of()))),
                ErrorCode.InvalidParameter, "type must be public-key");
        refused(() -> PasskeyAssertion.read(RequestFields.of(Map.of("response", Map.of()))), ErrorCode.MissingParameter,
                "missing parameter: id");
    }

    @Test
    void anAttestationIsReadWithItsTransportsAndANameOrTheDefaultOne() {
        PasskeyAttestation named = PasskeyAttestation.read(RequestFields.of(Map.of("id", "AQID", "name", "Work laptop",
                "response", Map.of("clientDataJSON", "e30", "attestationObject", "oA", "transports", List.of("internal", "hybrid")))));
        PasskeyAttestation unnamed = PasskeyAttestation.read(RequestFields.of(Map.of("id", "AQID",
                "response", Map.of("clientDataJSON", "e30", "attestationObject", "oA"))));

        assertThat(named.name()).isEqualTo("Work laptop");
        assertThat(named.transports()).containsExactly("internal", "hybrid");
        assertThat(unnamed.name()).isEqualTo("Passkey");
        assertThat(unnamed.transports()).isEmpty();
    }

    @Test
    void aBadAttestationNamesTheField() {
        Map<String, Object> response = Map.of("clientDataJSON", "e30", "attestationObject", "oA");
        refused(() -> PasskeyAttestation.read(RequestFields.of(Map.of("id", "AQID", "name", "x".repeat(65), "response", response))),
                ErrorCode.InvalidParameter, "name must be 1..64 characters, none a control character");
        refused(() -> PasskeyAttestation.read(RequestFields.of(Map.of("id", "AQID", "name", "a\u0000b", "response", response))),
                ErrorCode.InvalidParameter, "name must be 1..64 characters, none a control character");
        refused(() -> PasskeyAttestation.read(RequestFields.of(Map.of("id", "AQID", "response",
                Map.of("clientDataJSON", "e30", "attestationObject", "oA", "transports", List.of("usb", "usb nfc"))))),
                ErrorCode.InvalidParameter, "response.transports must be at most 8 WebAuthn transport names");
        refused(() -> PasskeyAttestation.read(RequestFields.of(Map.of("id", "AQID", "response", Map.of("clientDataJSON", "e30")))),
                ErrorCode.MissingParameter, "missing parameter: response.attestationObject");
    }
}
