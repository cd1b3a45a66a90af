/**
 * Moving an App Services app onto Atrium (docs/migrating-from-app-services.md): reading an app
 * export ({@code realm_config.json}, {@code auth/providers.json}) and the users App Services' Admin
 * API lists, streamed; making the app with its client app id, its providers through each
 * provider's own mapping ({@link dev.atrium.core.auth.AuthProvider#fromAppServices}), and its users
 * with their ids, identities, dates and flags, in batches through the feature's {@link
 * dev.atrium.core.imports.ImportStore}; and afterwards inviting the e-mail users, who come without
 * passwords, to set one ({@link dev.atrium.core.imports.PasswordInvitations}). Builds on
 * {@code apps}, {@code users}, {@code auth} and the admin services, like {@code admin}: it is an
 * operator's tool.
 */
package dev.atrium.core.imports;
