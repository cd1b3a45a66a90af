package dev.atrium.core.imports;

/**
 * Something of the input the import could not take, with where it is: the file, the line and
 * column where the record (or the malformed JSON) starts, and which record of the file it is.
 *
 * @param line 1-based; 0 when the problem is the file as a whole
 * @param record 1-based index of the user record in its file; 0 when not about one record
 */
public record ImportProblem(String file, long line, long column, long record, String message) {

    /** A problem of a whole file (missing, unreadable, not what was expected). */
    public static ImportProblem ofFile(String file, String message) {
        return new ImportProblem(file, 0, 0, 0, message);
    }

    /** {@code file:line:column: record N: message}, as compilers print positions. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + (record > 0 ? "record " + record + ": " : "") + message;
    }
}
