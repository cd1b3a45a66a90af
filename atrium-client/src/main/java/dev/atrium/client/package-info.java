/**
 * The Atrium Java SDK: {@link dev.atrium.client.App}, {@link dev.atrium.client.Credentials},
 * {@link dev.atrium.client.User} and the provider helpers, speaking the App Services client API v2
 * (docs/client-api.md) with the client-side semantics of the core SDKs (docs/client-api.md, Client behaviour):
 * guest reuse without requests, guests removed on logout, anonymous links refused locally,
 * refresh-once-and-retry-once on 401. Owns the wire (JDK HTTP client, Jackson, the
 * {@code dev.atrium.api} records) and the user state machine; package-private classes are the
 * implementation. Persistence is {@link dev.atrium.client.storage}'s.
 */
package dev.atrium.client;
