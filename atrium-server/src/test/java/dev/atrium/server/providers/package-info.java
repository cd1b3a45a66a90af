/**
 * The external-identity providers ({@code oauth2-apple}, {@code oauth2-google},
 * {@code oauth2-facebook}, {@code custom-function}) through a running server against the in-process
 * identity-provider stub: logins, linking, every refusal as a scenario table, and their admin API.
 */
package dev.atrium.server.providers;
