package dev.atrium.core.auth.function;

import java.util.Map;

/**
 * Signs a call to an app's function the way the server signs every webhook (Standard Webhooks),
 * so the function verifies it with that specification's library; the server supplies it through
 * the provider context (its webhook signature lives at the edge, with the other webhooks).
 */
@FunctionalInterface
public interface FunctionSigner {

    /** The headers that sign {@code body} with {@code secret} ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}). */
    Map<String, String> headers(String secret, byte[] body);
}
