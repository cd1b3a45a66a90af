package dev.atrium.server.delivery;

import dev.atrium.core.auth.function.FunctionEndpoint;
import dev.atrium.core.idp.IdpHttp;
import dev.atrium.core.idp.IdpUnreachableException;
import dev.atrium.server.outbound.AnswerLimit;
import dev.atrium.server.outbound.IdpClient;
import dev.atrium.server.outbound.Outbound;
import dev.atrium.server.outbound.OutboundException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Calls an app's custom-function login through {@link Outbound} (answer cap, deadline, no
 * redirects, the destination policy), signed like every webhook ({@link WebhookSignature}, keyed
 * with the provider's {@code function_secret}) and naming the app in {@code X-Atrium-App}.
 */
public final class FunctionWebhook implements FunctionEndpoint {
    /** The app the call is for: one function may serve several apps. */
    public static final String APP_HEADER = "X-Atrium-App";

    private final Outbound outbound;
    private final Clock clock;

    public FunctionWebhook(Outbound outbound, Clock clock) {
        this.outbound = outbound;
        this.clock = clock;
    }

    @Override
    public IdpHttp.Reply call(URI url, String secret, String appId, byte[] payload) throws IdpUnreachableException {
        String signature = WebhookSignature.header(secret, clock.instant().getEpochSecond(), payload);
        try {
            Outbound.Answer answer = outbound.post(url.toString(), Map.of(WebhookSignature.HEADER, signature, APP_HEADER, appId),
                    payload, AnswerLimit.IDENTITY_PROVIDER);
            return new IdpHttp.Reply(answer.status(), answer.body());
        } catch (OutboundException e) {
            throw IdpClient.unreachable(e);
        }
    }
}
