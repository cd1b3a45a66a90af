/**
 * Apps and their provider configuration: the records, the {@link dev.atrium.core.apps.AppStore}
 * SPI, the cached {@link dev.atrium.core.apps.AppDirectory}, and how a provider declares its
 * settings ({@link dev.atrium.core.apps.ProviderSettings}, {@link dev.atrium.core.apps.SettingField}),
 * secrets included ({@link dev.atrium.core.apps.SecretFields}). Imports the kernel, and users for
 * the guest's provider type that a new app starts with.
 */
package dev.atrium.core.apps;
