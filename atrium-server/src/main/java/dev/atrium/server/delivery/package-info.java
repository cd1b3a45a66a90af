/**
 * Delivery at the edge: e-mail over SMTP (Jakarta Mail) and signed JSON webhooks to an app's
 * endpoint. Implements core SPIs; imports core, the api and {@code outbound}, through which every
 * connection is made (its limits, never a client of its own).
 */
package dev.atrium.server.delivery;
