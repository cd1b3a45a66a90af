/**
 * Secrets at rest: the master key (a Google Tink AEAD keyset, AES-256-GCM) that encrypts signing
 * keys and webhook/provider secrets in the database, the file it lives in, and owner-only file
 * modes for everything under the data directory. The database never holds the master key.
 */
package dev.atrium.store.jdbc.secrets;
