/**
 * Authentication: {@link dev.atrium.core.auth.AuthService} (login, link) and
 * {@link dev.atrium.core.auth.AccountService} (profile, refresh, logout, delete) over the provider
 * SPI {@link dev.atrium.core.auth.AuthProvider}; every client token becomes a caller at the
 * {@link dev.atrium.core.auth.SessionGate}, which checks its session and user. Imports the
 * kernel, apps, users, sessions and tokens; providers live in sub-packages and import only this
 * package and what it imports, never each other.
 */
package dev.atrium.core.auth;
