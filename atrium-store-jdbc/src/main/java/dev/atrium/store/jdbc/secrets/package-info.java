/**
 * Secrets at rest: the master key (AES-256-GCM keys used through Google Tink) that encrypts signing
 * keys and webhook/provider secrets in the database, the file it lives in, and owner-only file
 * modes for everything under the data directory. The database never holds the master key.
 */
package dev.atrium.store.jdbc.secrets;
