/** Sessions (refresh tokens' server side) and their store SPI. Imports only the kernel. */
package dev.atrium.core.sessions;
