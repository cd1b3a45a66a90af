package dev.atrium.core.redirect;

import java.net.URI;

/**
 * What the provider sent to Atrium's callback, and the browser's binding cookie (null when absent).
 *
 * @param error the provider's {@code error} (e.g. {@code access_denied}), null when it sent a code
 * @param callback Atrium's callback URL, which the code exchange repeats as {@code redirect_uri}
 * @param clientKey the caller's network, for the per-network login throttle
 */
public record SignInCallback(String state, String code, String error, String binding, URI callback, String clientKey) {
    /** The state, the code and the binding are secrets: none is printed. */
    @Override
    public String toString() {
        return "SignInCallback[error=" + error + "]";
    }
}
