/**
 * Every call Atrium makes to another server goes through here: event and userpass webhooks, the
 * login providers' calls ({@link dev.atrium.server.outbound.ProviderHttp}: JWKS fetches, token
 * endpoints) and SMTP sessions. {@link dev.atrium.server.outbound.Outbound}
 * puts the same limits on each, so a call added later inherits them: a cap on the answer, one
 * deadline for the whole exchange, no redirects, http(s) only, and optionally no private or
 * link-local destination, checked on the address actually connected to. Imports core's kernel and
 * {@code http.Cidr}; ArchitectureTest keeps every other package off HTTP clients.
 */
package dev.atrium.server.outbound;
