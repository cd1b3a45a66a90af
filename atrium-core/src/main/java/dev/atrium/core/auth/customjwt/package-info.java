/**
 * The custom-JWT provider ({@code custom-token}): verifies tokens from the app's own identity
 * system against its JWKS, PEM key or shared secret. Imports {@code auth}, apps, users and the
 * kernel; never a sibling provider.
 */
package dev.atrium.core.auth.customjwt;
