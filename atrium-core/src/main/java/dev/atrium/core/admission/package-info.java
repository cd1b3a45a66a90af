/**
 * Admission limits on guest sign-ups and throttles on password logins, mails and requests per
 * network: token buckets in memory, per node, with bounded memory. Imports apps and the kernel.
 */
package dev.atrium.core.admission;
