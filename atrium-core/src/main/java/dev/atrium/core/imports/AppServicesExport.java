package dev.atrium.core.imports;

import dev.atrium.core.auth.AppServicesProvider;
import java.util.List;

/**
 * What an App Services app export says about the app: its client app id (which the Atrium app
 * keeps, so a Realm SDK app changes only its base URL), its name, the browser origins it allowed,
 * and its providers in file order.
 *
 * @param allowedOrigins {@code allowed_request_origins}; empty when App Services allowed any
 */
public record AppServicesExport(String appId, String name, List<String> allowedOrigins,
                                List<AppServicesProvider> providers) {
    public AppServicesExport {
        allowedOrigins = List.copyOf(allowedOrigins);
        providers = List.copyOf(providers);
    }
}
