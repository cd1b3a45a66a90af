package dev.atrium.server.metrics;

/**
 * Atrium's own meters: their Micrometer names (Prometheus adds {@code _total} to counters and
 * {@code _seconds} to timers) and the HELP text a scrape shows for each.
 */
public enum Help {
    LOGINS("atrium.logins", "Login attempts by provider and outcome (success, or the refusal's error code)"),
    REFRESHES("atrium.refreshes", "Access-token refreshes by outcome (success, or the refusal's error code)"),
    GUEST_SIGNUPS("atrium.guest.signups", "Guests created (anon-user logins that made a new user)"),
    USERS_LINKED("atrium.users.linked", "Identities linked to an existing user, by provider"),
    USERS_DELETED("atrium.users.deleted", "Users deleted, by reason (logout, inactivity, self, admin)"),
    ADMISSION_REJECTIONS("atrium.guest.admission.rejections",
            "Guest sign-ups refused by an admission limit, by scope (client network, app budget)"),
    THROTTLED("atrium.throttled", "Requests refused by a throttle, by limit (account, email, network)"),
    SWEEPER_RUNS("atrium.sweeper.runs", "Sweeper runs over one app"),
    SWEEPER_ROWS("atrium.sweeper.rows", "Inactive guests deleted by the sweeper"),
    PASSWORD_HASHES("atrium.password.hashes", "Argon2id password hashes computed"),
    PASSWORD_HASH_REJECTIONS("atrium.password.hash.rejections",
            "Requests refused with 503 ServerBusy because no password-hashing thread came free in time"),
    HTTP_REQUESTS("atrium.http.server.requests", "HTTP requests served, by method, route pattern and status");

    private final String name;
    private final String help;

    Help(String name, String help) {
        this.name = name;
        this.help = help;
    }

    /** The Micrometer name. */
    public String meterName() {
        return name;
    }

    public String help() {
        return help;
    }
}
