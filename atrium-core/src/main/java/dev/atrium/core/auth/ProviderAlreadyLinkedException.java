package dev.atrium.core.auth;

/** A store refused a link because the user already has an identity of that provider. */
public final class ProviderAlreadyLinkedException extends RuntimeException {
    public ProviderAlreadyLinkedException(String providerType) {
        super("the user already has a " + providerType + " identity", null, false, false);
    }
}
