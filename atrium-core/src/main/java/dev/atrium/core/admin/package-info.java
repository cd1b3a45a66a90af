/** Operator credentials (admin tokens) and their store SPI. Imports only the kernel. */
package dev.atrium.core.admin;
