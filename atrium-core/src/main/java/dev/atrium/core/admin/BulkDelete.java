package dev.atrium.core.admin;

/**
 * What a bulk delete is asked to do: which users, and whether to delete them or only count them.
 * An empty filter matches every user of the app, so deleting with one must say so
 * ({@link Mode#DELETE_EVEN_UNFILTERED}): a forgotten or mistyped filter must not empty the app.
 */
public record BulkDelete(UserFilter filter, Mode mode) {

    public enum Mode {
        /** Count the matching users; delete nothing. */
        COUNT,
        /** Delete the matching users; refused when the filter is empty. */
        DELETE,
        /** Delete the matching users, every user of the app when the filter is empty. */
        DELETE_EVEN_UNFILTERED
    }
}
