package dev.atrium.server.app;

import dev.atrium.core.admission.Throttle;
import dev.atrium.core.auth.ProviderContext;
import dev.atrium.core.auth.apikey.ApiKeyStore;
import dev.atrium.core.auth.function.FunctionSigner;
import dev.atrium.core.auth.passkey.PasskeyStore;
import dev.atrium.core.auth.password.PasswordHasher;
import dev.atrium.core.auth.password.UserpassStore;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.delivery.WebhookSignature;
import dev.atrium.server.outbound.JwksRetriever;
import dev.atrium.server.outbound.Outbound;
import dev.atrium.server.outbound.ProviderHttp;
import java.time.Clock;

/**
 * What the installed login providers get from the server ({@link ProviderContext}): the one place
 * that hands them stores, the hashing pool, the outbound client and the webhook signature. A
 * provider that needs another collaborator gets it added here, by type; the providers are found by
 * {@link dev.atrium.core.auth.ProviderRegistry#installed()}.
 */
final class ProviderWiring {
    private ProviderWiring() {}

    static ProviderContext context(AtriumStore store, Clock clock, Throttle throttle, PasswordHasher hasher, Outbound outbound) {
        return ProviderContext.builder(store.users(), clock)
                .throttle(throttle)
                .http(new ProviderHttp(outbound))
                .jwks(new JwksRetriever(outbound))
                .service(UserpassStore.class, store.userpass())
                .service(ApiKeyStore.class, store.apiKeys())
                .service(PasskeyStore.class, store.passkeys())
                .service(PasswordHasher.class, hasher)
                .service(FunctionSigner.class, (secret, body) -> WebhookSignature.headers(secret,
                        WebhookSignature.newMessageId(), clock.instant().getEpochSecond(), body))
                .build();
    }
}
