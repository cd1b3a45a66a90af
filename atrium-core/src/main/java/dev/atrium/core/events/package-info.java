/**
 * The lifecycle event outbox ({@code user.created}, {@code user.linked}, {@code user.deleted}):
 * records, store SPI, delivery SPI and the dispatcher. Imports apps and the kernel.
 */
package dev.atrium.core.events;
