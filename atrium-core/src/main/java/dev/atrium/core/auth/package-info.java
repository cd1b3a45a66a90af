/**
 * Authentication: {@link dev.atrium.core.auth.AuthService} (login, link) and
 * {@link dev.atrium.core.auth.AccountService} (profile, refresh, logout, delete) over the provider
 * plug-in SPI ({@link dev.atrium.core.auth.AuthProvider}, {@link dev.atrium.core.auth.Authenticator},
 * {@link dev.atrium.core.auth.ProviderPolicy}, {@link dev.atrium.core.auth.ProviderContext}) and the
 * {@link dev.atrium.core.auth.ProviderRegistry} of installed providers; every client token becomes a
 * caller at the {@link dev.atrium.core.auth.SessionGate}, which checks its session and user. Imports
 * the kernel, admission, apps, users, sessions and tokens, and no JSON library; providers live in
 * sub-packages, import only this package and what it imports, never each other, and this package
 * never names one of them (docs/providers.md).
 */
package dev.atrium.core.auth;
