package dev.atrium.core.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.kernel.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user records of one file, read one at a time with Jackson's streaming parser, so a file of
 * any size costs the memory of one record. A file is what App Services' Admin API answers for
 * {@code GET …/users} (a JSON array of users), or several such pages one after another, or one
 * user object per line: any sequence of top-level arrays and objects.
 */
final class UserRecords implements AutoCloseable {
    /** One record and where it starts in the file. */
    record Record(JsonNode node, long line, long column, long index) {
        Position position() {
            return new Position(line, column, index);
        }
    }

    /** Where a record starts, kept without its content while its batch waits for the store. */
    record Position(long line, long column, long index) {}

    /** The file is not JSON from {@code line}:{@code column} on; nothing after it can be read. */
    static final class Malformed extends Exception {
        final long line;
        final long column;

        Malformed(String message, JsonLocation at) {
            super(message);
            this.line = at == null ? 0 : at.getLineNr();
            this.column = at == null ? 0 : at.getColumnNr();
        }
    }

    private final JsonParser parser;
    private int depth; // 1 inside a top-level array
    private long index;

    UserRecords(Path file) {
        try {
            this.parser = Json.MAPPER.createParser(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next record, or null after the last. A value that is not an object is a record too (its mapper refuses it). */
    Record next() throws Malformed {
        try {
            for (;;) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return null;
                }
                if (t == JsonToken.START_ARRAY && depth == 0) {
                    depth = 1;
                    continue;
                }
                if (t == JsonToken.END_ARRAY && depth == 1) {
                    depth = 0;
                    continue;
                }
                JsonLocation at = parser.currentTokenLocation();
                JsonNode node = parser.readValueAsTree();
                return new Record(node, at.getLineNr(), at.getColumnNr(), ++index);
            }
        } catch (JsonProcessingException e) {
            // Jackson names the source in nested locations; the problem names the file already.
            String why = e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[");
            throw new Malformed("malformed JSON: " + why, e.getLocation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
