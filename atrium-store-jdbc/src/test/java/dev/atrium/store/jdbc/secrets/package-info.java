/** Tests of the master key, its file and owner-only file modes. */
package dev.atrium.store.jdbc.secrets;
