/**
 * The API-key provider ({@code api-key}): user keys, their store SPI and the key routes. Imports
 * {@code auth}, the kernel and users; never a sibling provider.
 */
package dev.atrium.core.auth.apikey;
