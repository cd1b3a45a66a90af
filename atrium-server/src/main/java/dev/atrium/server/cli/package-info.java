/** The {@code atrium} command line (picocli). Imports config, app and the store SPI. */
package dev.atrium.server.cli;
