/**
 * The HTTP surfaces: routing, the client API endpoints, well-known token verification, health,
 * and {@link dev.atrium.server.http.ErrorMapper}, the only code → status table. The only package
 * that knows HTTP statuses. Imports core services and the api records.
 */
package dev.atrium.server.http;
