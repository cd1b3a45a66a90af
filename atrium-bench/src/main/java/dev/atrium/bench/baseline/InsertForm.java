package dev.atrium.bench.baseline;

/**
 * How a guest's three rows reach the store. The server uses TRANSACTION on SQLite and
 * CTE_IN_TRANSACTION on PostgreSQL (JdbcSignupStore's one statement, inside Database.write's
 * transaction: BEGIN travels with the statement, then a COMMIT round trip). CTE_AUTOCOMMIT is the
 * same statement in autocommit, one round trip, shown because it is the floor of that design.
 */
public enum InsertForm {
    TRANSACTION("BEGIN; INSERT users, identities, sessions; COMMIT"),
    CTE_IN_TRANSACTION("one INSERT … WITH data-modifying CTEs, then COMMIT (the server's form)"),
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
