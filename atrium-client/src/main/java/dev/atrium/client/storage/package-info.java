/**
 * Where the SDK keeps users and their tokens between runs: the {@link
 * dev.atrium.client.storage.UserStorage} contract, the snapshot it stores, a file store (what
 * makes a guest survive a restart) and an in-memory store (tests, servers). Knows nothing of HTTP
 * or of the SDK's user objects; imports only the JDK and Jackson.
 */
package dev.atrium.client.storage;
