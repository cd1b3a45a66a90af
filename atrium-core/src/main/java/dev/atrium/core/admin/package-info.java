/**
 * Operators: admin tokens, user and app administration, server API keys and stats, with their
 * store SPIs. An outer feature: imports apps, users, sessions, tokens, events, the providers'
 * settings (to validate configs) and the kernel.
 */
package dev.atrium.core.admin;
