package dev.atrium.bench.load;

/** A request that did not get its expected status; {@code key} groups like failures for the report. */
final class FailedCall extends Exception {
    private static final long serialVersionUID = 1L;
    final String key;

    FailedCall(String key, String detail) {
        super(detail, null, false, false);
        this.key = key;
    }

    @Override
    public String toString() {
        return key + ": " + getMessage();
    }
}
