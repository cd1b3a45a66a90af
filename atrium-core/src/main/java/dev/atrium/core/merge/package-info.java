/**
 * Merging a guest into the user that holds an identity the guest proved it owns (docs/client-api.md,
 * Merging a guest). A link refused because another user holds the identity
 * ({@code auth.IdentityHeldException}) gives a guest a single-use, short-lived
 * {@link dev.atrium.core.merge.MergeTicket}; {@link dev.atrium.core.merge.MergeService#merge} spends it:
 * a session for the holder on the guest's device, a {@code user.merged} event, and the guest
 * deleted (or kept for the app, per its {@code merged_guest} setting), all in one write of the
 * {@link dev.atrium.core.merge.MergeStore}. Builds on auth (the session gate's callers, AuthService's
 * link), apps, sessions, tokens and users; nothing in auth imports it.
 */
package dev.atrium.core.merge;
