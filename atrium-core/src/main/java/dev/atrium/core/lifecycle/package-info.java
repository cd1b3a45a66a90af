/**
 * The guest lifecycle: the inactivity sweeper and its store SPI. Imports apps and the kernel.
 */
package dev.atrium.core.lifecycle;
