/**
 * Delivery at the edge: e-mail over SMTP (Jakarta Mail) and JSON webhooks to an app's endpoint.
 * Implements core SPIs; imports core and the api only.
 */
package dev.atrium.server.delivery;
