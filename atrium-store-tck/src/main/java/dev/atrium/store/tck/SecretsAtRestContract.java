package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.tokens.KeyRing;
import dev.atrium.core.tokens.SigningKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Secrets at rest, as an attacker who can read the database's storage (its file, its rows, a
 * backup) meets them: the private part of a signing key, a webhook secret and a provider's
 * secrets never appear there, while the stores still hand them back intact. Run by the backends
 * that keep data at rest (SQLite, PostgreSQL); the in-memory store keeps nothing at rest.
 */
public abstract class SecretsAtRestContract extends StoreContract {

    /** Everything the backend has stored now, as text: the database file's bytes, or every row of every table. */
    protected abstract String storedText();

    private static String privateScalar(SigningKey key) {
        try {
            return String.valueOf(JWK.parse(key.privateJwk()).toJSONObject().get("d"));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theDOfAnEd25519SigningKeyIsNeverStoredInTheClearYetTheKeyReadsBackIntact() {
        App app = createApp();
        SigningKey key = KeyRing.generate(app.id(), nextInstant());

        store.signingKeys().insertFirst(key);

        assertThat(storedText()).doesNotContain(privateScalar(key)).doesNotContain("\"d\":");
        assertThat(store.signingKeys().forApp(app.id())).containsExactly(key);
    }

    @Test
    void theDOfAnEs256SigningKeyRotatedInIsNeverStoredInTheClearYetTheKeyReadsBackIntact() {
        App app = createApp();
        store.signingKeys().insertFirst(KeyRing.generate(app.id(), nextInstant()));
        SigningKey es256 = KeyRing.generate(app.id(), nextInstant(), JWSAlgorithm.ES256);

        store.signingKeys().rotate(es256, nextInstant(), T0);

        assertThat(storedText()).doesNotContain(privateScalar(es256)).doesNotContain("\"d\":");
        assertThat(store.signingKeys().forApp(app.id()).getFirst()).isEqualTo(es256);
    }

    @Test
    void aWebhookSecretIsNeverStoredInTheClearYetTheSettingsReadBackIntact() {
        App app = createApp();
        String secret = "whsec-" + randomHex(16);
        AppSettings settings = new AppSettings(app.settings().accessTokenLifetime(), app.settings().refreshTokenLifetime(),
                app.settings().inactivity(), app.settings().activityGranularity(), 7, 3, 0, "https://hooks.example/x", secret,
                app.settings().allowedOrigins(), app.settings().throttling());

        store.apps().updateSettings(app.id(), settings);

        assertThat(storedText()).doesNotContain(secret).contains("https://hooks.example/x");
        assertThat(store.apps().find(app.id()).orElseThrow().settings()).isEqualTo(settings);
    }

    @Test
    void aNewAppsWebhookSecretIsNeverStoredInTheClear() {
        App app = createApp(); // its settings carry the webhook secret "s3cret"

        assertThat(storedText()).doesNotContain("s3cret");
        assertThat(store.apps().find(app.id()).orElseThrow().settings().webhookSecret()).isEqualTo("s3cret");
    }

    @Test
    void providerSecretsSmtpPasswordSharedSecretAndWebhookSecretAreNeverStoredInTheClearYetReadBackIntact() {
        App app = createApp();
        String password = "smtp-" + randomHex(12);
        String webhookSecret = "hook-" + randomHex(12);
        String shared = "shared-" + randomHex(24);
        ProviderConfig userpass = provider(app, "local-userpass", true, Map.of("confirmation", "email",
                "smtp", Map.of("host", "smtp.example.com", "port", 587, "username", "mailer", "password", password),
                "webhook_url", "https://app.example/hook", "webhook_secret", webhookSecret));
        ProviderConfig custom = provider(app, "custom-token", true, Map.of("shared_secret", shared, "audience", "a",
                "issuer", "https://id.example", "algorithms", List.of("HS256")));

        store.apps().saveProvider(userpass);
        store.apps().saveProvider(custom);

        assertThat(storedText()).doesNotContain(password).doesNotContain(webhookSecret).doesNotContain(shared)
                .contains("smtp.example.com").contains("mailer");
        assertThat(store.apps().providers(app.id())).contains(userpass, custom);
    }
}
