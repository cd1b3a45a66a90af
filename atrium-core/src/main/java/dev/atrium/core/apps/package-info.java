/**
 * Apps and their provider configuration: the records, the {@link dev.atrium.core.apps.AppStore}
 * SPI and the cached {@link dev.atrium.core.apps.AppDirectory}. Imports only the kernel.
 */
package dev.atrium.core.apps;
