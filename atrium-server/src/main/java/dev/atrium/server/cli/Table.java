package dev.atrium.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** The CLI's human output: left-aligned columns, two spaces apart; {@code -} for an empty cell. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    /** Adds a row; each cell is printed as {@link #text(Object)}. */
    Table row(Object... cells) {
        String[] r = new String[rows.getFirst().length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length ? text(cells[i]) : "-";
        }
        rows.add(r);
        return this;
    }

    void print(PrintWriter out) {
        int[] width = new int[rows.getFirst().length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(i == r.length - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** A cell's text: JSON nulls and missing values are {@code -}, arrays are comma-joined, instants lose sub-seconds. */
    static String text(Object value) {
        if (value instanceof JsonNode n) {
            if (n.isNull() || n.isMissingNode()) {
                return "-";
            }
            if (n.isArray()) {
                List<String> items = StreamSupport.stream(n.spliterator(), false).map(Table::text).toList();
                return items.isEmpty() ? "-" : String.join(",", items);
            }
            return n.isValueNode() ? time(n.asText()) : n.toString();
        }
        if (value instanceof Instant t) {
            return t.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return value == null || value.toString().isEmpty() ? "-" : value.toString();
    }

    private static String time(String text) {
        if (text.length() < 20 || !text.endsWith("Z") || text.charAt(10) != 'T') {
            return text.isEmpty() ? "-" : text;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
