package dev.atrium.bench.baseline;

/**
 * How one guest's rows (user and session; its identity is implied by the user row since V11)
 * reach the store, one guest per transaction: the raw work of one sign-up. Until ff33cc1 the server wrote each sign-up alone, TRANSACTION on SQLite and
 * CTE_IN_TRANSACTION on PostgreSQL; since then it writes waiting sign-ups in batches (SQLite one
 * writer, PostgreSQL the CTE_AUTOCOMMIT statement per guest), so its login rate can exceed these
 * baselines and the ratio shows what batching buys.
 */
public enum InsertForm {
    TRANSACTION("BEGIN; INSERT users, sessions; COMMIT"),
    CTE_IN_TRANSACTION("one INSERT … WITH data-modifying CTEs, then COMMIT"),
    CTE_AUTOCOMMIT("one INSERT … WITH data-modifying CTEs in autocommit (one round trip)");

    private final String description;

    InsertForm(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return "insert-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
