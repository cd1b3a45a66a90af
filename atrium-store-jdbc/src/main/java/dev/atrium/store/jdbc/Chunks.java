package dev.atrium.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Many rows (or keys) through a statement that takes {@code size} of them at a time, prepared once
 * for the full chunks and once for the rest: the engine's own best size ({@link
 * Dialect#rowsPerStatement}), whether that is one row a statement or hundreds. Writes of the full
 * chunks go in one JDBC batch.
 */
final class Chunks {
    private Chunks() {}

    @FunctionalInterface
    interface Binder<T> {
        /** Binds {@code row} from parameter {@code p} on; returns the next parameter's index. */
        int bind(PreparedStatement ps, int p, T row) throws SQLException;
    }

    @FunctionalInterface
    interface Reader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql(n)} (a statement for n rows) over every row. */
    static <T> void write(Connection c, List<T> rows, int size, IntFunction<String> sql, Binder<T> binder)
            throws SQLException {
        int full = rows.size() / size;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql.apply(size))) {
                for (int k = 0; k < full; k++) {
                    bind(ps, 1, rows.subList(k * size, (k + 1) * size), binder);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<T> rest = rows.subList(full * size, rows.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql.apply(rest.size()))) {
                bind(ps, 1, rest, binder);
                ps.executeUpdate();
            }
        }
    }

    /** Runs the query {@code sql(n)} (for n keys, after the {@code fixed} parameters) over every key, reading each row. */
    static void read(Connection c, List<String> fixed, List<String> keys, int size, IntFunction<String> sql, Reader reader)
            throws SQLException {
        int full = keys.size() / size;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql.apply(size))) {
                for (int k = 0; k < full; k++) {
                    query(ps, fixed, keys.subList(k * size, (k + 1) * size), reader);
                }
            }
        }
        List<String> rest = keys.subList(full * size, keys.size());
        if (!rest.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql.apply(rest.size()))) {
                query(ps, fixed, rest, reader);
            }
        }
    }

    private static void query(PreparedStatement ps, List<String> fixed, List<String> keys, Reader reader)
            throws SQLException {
        int p = bind(ps, 1, fixed, (s, i, v) -> {
            s.setString(i, v);
            return i + 1;
        });
        bind(ps, p, keys, (s, i, v) -> {
            s.setString(i, v);
            return i + 1;
        });
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    private static <T> int bind(PreparedStatement ps, int p, List<T> rows, Binder<T> binder) throws SQLException {
        for (T row : rows) {
            p = binder.bind(ps, p, row);
        }
        return p;
    }

    /** {@code n} placeholders: {@code ?, ?, …}. */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** {@code n} rows of {@code columns} placeholders: {@code (?, ?), (?, ?), …}. */
    static String rows(int columns, int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "(" + marks(columns) + ")"));
    }
}
