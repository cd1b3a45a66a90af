/**
 * What the external-identity providers ({@code oauth2-apple}, {@code oauth2-google},
 * {@code oauth2-facebook}, {@code custom-function}) share, kept outside {@code auth} so that those
 * providers still never import each other: OpenID Connect ID-token verification
 * ({@link dev.atrium.core.idp.IdTokenVerifier}, with its per-node replay memory
 * {@link dev.atrium.core.idp.NonceLedger}), the port through which they call an identity provider
 * over HTTP ({@link dev.atrium.core.idp.IdpHttp}, implemented by the server's outbound client with
 * its limits), the validated reading of their settings ({@link dev.atrium.core.idp.SettingsReader})
 * and what they all produce ({@link dev.atrium.core.idp.ExternalIdentity}). Imports the kernel and
 * nimbus-jose-jwt only.
 */
package dev.atrium.core.idp;
