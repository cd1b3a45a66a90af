package dev.atrium.core.idp;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * What an app trusts of one OpenID provider: where its signing keys are published, which
 * {@code iss} values it uses, which {@code aud} values (the app's client ids there) are ours, and
 * how far its clock may be off from ours.
 */
public record IdTokenTrust(URI jwksUrl, Set<String> issuers, Set<String> audiences, Duration clockSkew) {
    public IdTokenTrust {
        issuers = Set.copyOf(issuers);
        audiences = Set.copyOf(audiences);
    }
}
