package dev.atrium.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What one simulated client does per iteration. LOGIN creates a guest per request (docs/architecture.md,
 * Guest login) and keeps nothing; REFRESH and PROFILE reuse one guest per client, logged in before the
 * warm-up; MIX is 10 % login, 42.5 % refresh, 42.5 % profile, 5 % logout over a few guests per
 * client. HEALTH (GET /health/live) measures the load generator's own ceiling.
 */
public enum Scenario {
    HEALTH(false),
    LOGIN(false),
    REFRESH(true),
    PROFILE(true),
    MIX(true);

    /** Guests a MIX client holds; a login beyond that abandons one, as apps abandon guests. */
    private static final int MIX_GUESTS = 8;

    private final boolean guestFirst;

    Scenario(boolean guestFirst) {
        this.guestFirst = guestFirst;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The scenarios a user may name; HEALTH is run as the client ceiling, not as a scenario. */
    public static List<Scenario> serverScenarios() {
        return List.of(LOGIN, REFRESH, PROFILE, MIX);
    }

    /** Before the warm-up: one logged-in guest for the scenarios that need one. */
    void prepare(AtriumApi api, List<Guest> guests) throws FailedCall {
        if (guestFirst) {
            guests.add(api.login());
        }
    }

    /** One iteration, each request timed through {@code rec}. */
    void step(AtriumApi api, List<Guest> guests, SplittableRandom random, Recording rec) {
        switch (this) {
            case HEALTH -> rec.time(Operation.HEALTH, () -> {
                api.health();
                return null;
            });
            case LOGIN -> rec.time(Operation.LOGIN, () -> {
                api.loginAndForget();
                return null;
            });
            case REFRESH -> rec.time(Operation.REFRESH, () -> {
                api.refresh(guests.get(0));
                return null;
            });
            case PROFILE -> rec.time(Operation.PROFILE, () -> {
                api.profile(guests.get(0));
                return null;
            });
            case MIX -> mixStep(api, guests, random, rec);
        }
    }

    private static void mixStep(AtriumApi api, List<Guest> guests, SplittableRandom random, Recording rec) {
        int r = random.nextInt(1000);
        if (guests.isEmpty() || r < 100) {
            Guest g = rec.time(Operation.LOGIN, api::login);
            if (g != null && guests.size() < MIX_GUESTS) {
                guests.add(g);
            } else if (g != null) {
                guests.set(random.nextInt(guests.size()), g);
            }
            return;
        }
        Guest g = guests.get(random.nextInt(guests.size()));
        if (r < 525) {
            rec.time(Operation.REFRESH, () -> {
                api.refresh(g);
                return null;
            });
        } else if (r < 950) {
            rec.time(Operation.PROFILE, () -> {
                api.profile(g);
                return null;
            });
        } else {
            guests.remove(g); // gone whether or not the logout succeeded: its tokens are spent either way
            rec.time(Operation.LOGOUT, () -> {
                api.logout(g);
                return null;
            });
        }
    }

    static List<Guest> newGuestList() {
        return new ArrayList<>(MIX_GUESTS);
    }
}
