/**
 * End-to-end tests of the SDK against a real Atrium server in this JVM. Each behaviour is written
 * once, as a contract interface of default test methods, and run on SQLite
 * ({@code SqliteEndToEndTest}) and on PostgreSQL ({@code PostgresEndToEndTest}); every test gets
 * a fresh server, database and device storage.
 */
package dev.atrium.client.e2e;
