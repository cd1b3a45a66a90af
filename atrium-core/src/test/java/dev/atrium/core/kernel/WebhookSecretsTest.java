package dev.atrium.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @Test
    void whsecSecretIsTheDecodedBase64AndAnyOtherSecretIsItsText() {
        assertThat(WebhookSecrets.key("whsec_" + Base64.getEncoder().encodeToString(KEY))).isEqualTo(KEY);
        assertThat(WebhookSecrets.key("a-long-random-string")).isEqualTo("a-long-random-string".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whsecSecretThatIsNotBase64OfTwentyFourToSixtyFourBytesIsRefusedNamingTheSetting() {
        WebhookSecrets.check("webhook_secret", "whsec_" + Base64.getEncoder().encodeToString(KEY));
        WebhookSecrets.check("webhook_secret", "not-prefixed: any text is a key");

        assertThatThrownBy(() -> WebhookSecrets.check("webhook_secret", "whsec_not base64!"))
                .hasMessage("webhook_secret starting with whsec_ must be followed by base64");
        assertThatThrownBy(() -> WebhookSecrets.check("webhook_secret", "whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessage("webhook_secret starting with whsec_ must be the base64 of 24 to 64 bytes");
        assertThatThrownBy(() -> WebhookSecrets.check("webhook_secret", "whsec_" + Base64.getEncoder().encodeToString(new byte[65])))
                .hasMessage("webhook_secret starting with whsec_ must be the base64 of 24 to 64 bytes");
    }
}
