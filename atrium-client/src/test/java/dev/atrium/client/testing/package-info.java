/**
 * Test fixtures of the SDK's tests: a real Atrium server in this JVM on SQLite or PostgreSQL with
 * a clock the test moves, an HTTP client that counts what the SDK sends, and a scripted HTTP
 * server for answers no real server gives. No mocking framework: every fixture is a real thing.
 */
package dev.atrium.client.testing;
