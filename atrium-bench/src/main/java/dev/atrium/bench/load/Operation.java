package dev.atrium.bench.load;

/** One kind of request, with the status that counts as success (docs/client-api.md, Login and linking; User and session routes). */
public enum Operation {
    HEALTH(200),
    LOGIN(200),
    REFRESH(201),
    PROFILE(200),
    LOGOUT(204);

    private final int expectedStatus;

    Operation(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    public int expectedStatus() {
        return expectedStatus;
    }

    /** Lower-case name for reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
