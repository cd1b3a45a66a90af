package dev.atrium.core.auth.function;

import java.util.Map;

/**
 * Signs a call to an app's function the way the server signs every webhook, so one receiver
 * checks both alike; the server supplies it through the provider context (its webhook signature
 * lives at the edge, with the other webhooks).
 */
@FunctionalInterface
public interface FunctionSigner {

    /** The headers that sign {@code body} with {@code secret} (e.g. {@code X-Atrium-Signature}). */
    Map<String, String> headers(String secret, byte[] body);
}
