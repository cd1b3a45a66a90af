/**
 * Admission limits on guest sign-ups and throttles on password logins, mails and requests per
 * network: token buckets with bounded memory. Guest sign-ups are {@link
 * dev.atrium.core.admission.GuestClaim claims} settled by whoever keeps their buckets: this
 * node's memory ({@link dev.atrium.core.admission.GuestAdmission}) or the store, shared by every
 * node (docs/scaling.md). Throttles are per node. Imports apps and the kernel.
 */
package dev.atrium.core.admission;
