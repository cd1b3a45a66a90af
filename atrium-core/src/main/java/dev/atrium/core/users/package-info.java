/**
 * Users and identities: the records and the {@link dev.atrium.core.users.UserStore} SPI. Imports
 * only the kernel.
 */
package dev.atrium.core.users;
