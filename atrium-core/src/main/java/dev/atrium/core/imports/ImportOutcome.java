package dev.atrium.core.imports;

/**
 * What the store did (or, in a dry run, would do) with one imported user.
 *
 * @param reason why it was refused; null otherwise
 */
public record ImportOutcome(Kind kind, String reason) {
    public static final ImportOutcome NEW = new ImportOutcome(Kind.NEW, null);
    public static final ImportOutcome UPDATED = new ImportOutcome(Kind.UPDATED, null);

    public enum Kind {
        /** The user was not there: written whole. */
        NEW,
        /** The user was there (an earlier run): brought up to date, nothing duplicated. */
        UPDATED,
        /** Left out, nothing of it written: it clashes with what the store holds. */
        REFUSED
    }

    public static ImportOutcome refused(String reason) {
        return new ImportOutcome(Kind.REFUSED, reason);
    }
}
