/**
 * What the external-identity providers ({@code oauth2-apple}, {@code oauth2-google},
 * {@code oauth2-facebook}, {@code custom-function}) share, kept outside {@code auth} so that those
 * providers still never import each other: OpenID Connect ID-token verification
 * ({@link dev.atrium.core.idp.IdTokenVerifier}, with its per-node replay memory
 * {@link dev.atrium.core.idp.NonceLedger}), reading a stored config at login
 * ({@link dev.atrium.core.idp.StoredSettings}), an identity provider's JSON answer
 * ({@link dev.atrium.core.idp.IdpJson}), what they all produce
 * ({@link dev.atrium.core.idp.ExternalIdentity}) and what their App Services configurations have
 * that Atrium does not ({@link dev.atrium.core.idp.AppServicesOAuth}). Their HTTP calls go through the provider
 * context's {@link dev.atrium.core.kernel.OutboundHttp}. Imports the kernel, users and
 * nimbus-jose-jwt only.
 */
package dev.atrium.core.idp;
