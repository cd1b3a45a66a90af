/**
 * Custom-function login ({@code custom-function}): the client's payload (any JSON document,
 * realm-web's {@code Credentials.function(payload)}) is POSTed to the app's own function URL, signed
 * like the event webhooks; the function answers {@code {"id", "name"?, "data"?}}, naming the stable
 * external id of the person, or refuses. The call goes through
 * {@link dev.atrium.core.auth.function.FunctionEndpoint}, which the server implements with its
 * outbound client and webhook signature. {@link dev.atrium.core.auth.function.FunctionProvider} is
 * the thin adapter to the provider SPI. Imports {@code auth}, {@code idp}, users and the kernel;
 * never a sibling provider. docs/providers/custom-function.md is the operator's page.
 */
package dev.atrium.core.auth.function;
