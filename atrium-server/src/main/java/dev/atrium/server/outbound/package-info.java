/**
 * Every call Atrium makes to another server goes through here: event and userpass webhooks, the
 * custom-token provider's JWKS fetches and SMTP sessions. {@link dev.atrium.server.outbound.Outbound}
 * puts the same limits on each, so a call added later inherits them: a cap on the answer, one
 * deadline for the whole exchange, no redirects, http(s) only, and optionally no private or
 * link-local destination, checked on the address actually connected to. Imports core's kernel and
 * nothing else of Atrium's.
 */
package dev.atrium.server.outbound;
