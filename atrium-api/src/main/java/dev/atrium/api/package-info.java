/**
 * The wire vocabulary of the client API v2 (docs/client-api.md): response
 * records and {@link dev.atrium.api.ErrorCode}. Shared by the server and the Java SDK; imports
 * nothing but the JDK. Record components are camelCase and written snake_case on the wire.
 */
package dev.atrium.api;
