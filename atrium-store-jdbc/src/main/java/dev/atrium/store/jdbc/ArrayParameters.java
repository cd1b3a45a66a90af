package dev.atrium.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds a statement's parameters in order, each a column of rows as one array (for
 * {@code unnest}): one text for any number of rows, so the statement is prepared and planned once.
 */
final class ArrayParameters {
    private final Connection c;
    private final PreparedStatement ps;
    private int p = 1;

    ArrayParameters(Connection c, PreparedStatement ps) {
        this.c = c;
        this.ps = ps;
    }

    <T> ArrayParameters text(List<T> rows, Function<T, String> column) throws SQLException {
        return set("text", rows.stream().map(column).toArray(String[]::new));
    }

    <T> ArrayParameters bool(List<T> rows, Function<T, Boolean> column) throws SQLException {
        return set("bool", rows.stream().map(column).toArray(Boolean[]::new));
    }

    <T> ArrayParameters int4(List<T> rows, Function<T, Integer> column) throws SQLException {
        return set("int4", rows.stream().map(column).toArray(Integer[]::new));
    }

    <T> ArrayParameters int8(List<T> rows, Function<T, Long> column) throws SQLException {
        return set("int8", rows.stream().map(column).toArray(Long[]::new));
    }

    <T> ArrayParameters float8(List<T> rows, Function<T, Double> column) throws SQLException {
        return set("float8", rows.stream().map(column).toArray(Double[]::new));
    }

    ArrayParameters int8(long value) throws SQLException {
        ps.setLong(p++, value);
        return this;
    }

    private ArrayParameters set(String type, Object[] values) throws SQLException {
        ps.setArray(p++, c.createArrayOf(type, values));
        return this;
    }
}
