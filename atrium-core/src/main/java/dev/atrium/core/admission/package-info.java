/** Admission limits on guest sign-ups (token buckets, bounded memory). Imports apps and the kernel. */
package dev.atrium.core.admission;
