/**
 * Authentication: {@link dev.atrium.core.auth.AuthService} (login, link, profile, refresh,
 * logout, delete) over the provider SPI {@link dev.atrium.core.auth.AuthProvider}. Imports the
 * kernel, apps, users, sessions and tokens; providers live in sub-packages and import only this
 * package and what it imports, never each other.
 */
package dev.atrium.core.auth;
