/** Tests of the user stores: atomic, owner-only files that read back what was saved. */
package dev.atrium.client.storage;
