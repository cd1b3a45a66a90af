/**
 * The Atrium Java SDK: {@link dev.atrium.client.App}, {@link dev.atrium.client.Credentials},
 * {@link dev.atrium.client.User} and the provider helpers, speaking the App Services client API v2
 * with the client-side semantics of the core SDKs: guest reuse without requests, guests removed on
 * logout, anonymous links refused locally, refresh-once-and-retry-once on 401. Every network call
 * has a blocking and a {@code CompletableFuture} form; {@link dev.atrium.client.AuthStateListener}s
 * hear every auth-state change in order. Owns the JSON wire (Jackson, the {@code dev.atrium.api}
 * records) and the user state machine; package-private classes are the implementation. How bytes
 * travel is {@link dev.atrium.client.http}'s, persistence is {@link dev.atrium.client.storage}'s.
 * Java 17 bytecode; the main code is checked against the Android API level the README names.
 */
package dev.atrium.client;
