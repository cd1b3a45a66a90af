/**
 * The in-memory reference store. Imports the store SPI and the feature records; nothing else
 * of Atrium imports it but the composition root and tests.
 */
package dev.atrium.core.store.memory;
