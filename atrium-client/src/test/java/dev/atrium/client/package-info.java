/**
 * Tests of the SDK without a real server: token parsing, credentials, and answers no Atrium
 * server gives (via {@link dev.atrium.client.testing.ScriptedServer}). End-to-end tests live in
 * {@code dev.atrium.client.e2e}.
 */
package dev.atrium.client;
