package dev.atrium.core.apps;

import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Creating apps: ids, default providers. */
public final class Apps {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Apps() {}

    /**
     * A new app named {@code name}. Its client id follows App Services' shape, {@code <slug>-<5 chars>},
     * so it reads well in URLs and logs.
     */
    public static App newApp(String name, Instant now) {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new IllegalArgumentException("app name must be 1..64 characters");
        }
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.isEmpty()) {
            slug = "app";
        }
        StringBuilder id = new StringBuilder(slug.length() > 32 ? slug.substring(0, 32) : slug).append('-');
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 5; i++) {
            id.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return new App(id.toString(), name, now, AppSettings.DEFAULTS);
    }

    /** The providers a new app starts with: {@code anon-user} enabled (the product's first citizen). */
    public static List<ProviderConfig> defaultProviders(App app, Instant now) {
        return List.of(new ProviderConfig(ObjectIds.next(now), app.id(), User.ANON_PROVIDER, true, Map.of()));
    }
}
