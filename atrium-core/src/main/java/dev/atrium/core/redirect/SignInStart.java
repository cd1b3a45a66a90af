package dev.atrium.core.redirect;

import java.net.URI;

/**
 * A web sign-in the browser starts at {@code …/auth/providers/{type}/login?state=…&redirect=…}.
 *
 * @param clientState realm-web's {@code state}
 * @param redirect the app's page to return to ({@code redirect})
 * @param deviceId the device id realm-web sent ({@code device}), null for none
 * @param callback Atrium's callback URL, the {@code redirect_uri} at the provider
 * @param clientKey the caller's network, for the per-network login throttle
 */
public record SignInStart(String appId, String type, String clientState, String redirect, String deviceId, URI callback,
                          String clientKey) {}
