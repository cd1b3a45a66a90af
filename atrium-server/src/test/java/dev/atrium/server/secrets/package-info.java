/** Secrets at rest as an attacker who reads the database meets them, against a running server. */
package dev.atrium.server.secrets;
