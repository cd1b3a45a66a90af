/**
 * Custom-function login ({@code custom-function}): the client's payload (any JSON document,
 * realm-web's {@code Credentials.function(payload)}) is POSTed to the app's own function URL, signed
 * like the event webhooks; the function answers {@code {"id", "name"?, "data"?}}, naming the stable
 * external id of the person, or refuses. The call goes through the provider context's outbound
 * client, signed by the {@link dev.atrium.core.auth.function.FunctionSigner} the server adds to the
 * context. {@link dev.atrium.core.auth.function.FunctionProvider} is the plug-in. Imports
 * {@code auth}, {@code idp}, apps, users and the kernel; never a sibling provider. docs/providers/custom-function.md is the operator's page.
 */
package dev.atrium.core.auth.function;
