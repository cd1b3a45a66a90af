package dev.atrium.core.redirect;

import java.net.URI;

/**
 * Where to send the browser (the provider's authorization URL), and for a link the value of the
 * cookie that binds the callback to the browser that started it ({@code binding}; null for a login).
 */
public record SignInStarted(URI location, String binding) {
    /** The URL carries the state and the binding is a secret: neither is printed. */
    @Override
    public String toString() {
        return "SignInStarted[" + location.getHost() + "]";
    }
}
