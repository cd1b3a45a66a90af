package dev.atrium.core.redirect;

import dev.atrium.api.LoginResponse;

/** How a web sign-in ended, once its state was good; either way the browser goes back to the app's page. */
public sealed interface SignInOutcome {

    /** Where the browser goes. */
    Page to();

    /** The app's page: its URL (an allowed one), its app, realm-web's state, whether the sign-in was a link. */
    record Page(String redirectUrl, String appId, String clientState, boolean link) {}

    /** Logged in or linked: {@code tokens} as the token flow answers them. */
    record Success(Page to, LoginResponse tokens) implements SignInOutcome {}

    /** Refused or failed, nothing changed; {@code cause} says why (its text for the page, its detail for the log). */
    record Failure(Page to, RuntimeException cause) implements SignInOutcome {}
}
