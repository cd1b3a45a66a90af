/**
 * Facebook Login ({@code oauth2-facebook}): the client sends the user access token Facebook gave
 * it ({@code Credentials.facebook(accessToken)}); the Graph API's {@code debug_token}, asked with
 * the app's access token ({@code app_id|app_secret}), says whether it is valid and for which app
 * and user, then {@code /me} gives the profile. Calls go through the provider context's
 * {@link dev.atrium.core.kernel.OutboundHttp}, the server's outbound client.
 * {@link dev.atrium.core.auth.facebook.FacebookSettings} declares and reads the config and
 * {@link dev.atrium.core.auth.facebook.FacebookProvider} is the plug-in. Imports {@code auth},
 * {@code idp}, apps, users and the kernel; never a sibling provider.
 * docs/providers/facebook.md is the operator's page.
 */
package dev.atrium.core.auth.facebook;
