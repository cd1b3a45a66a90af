package dev.atrium.core.imports;

/** Hears an import as it goes: each problem when it is found (a file may hold millions of records), and progress. */
public interface ImportListener {
    ImportListener NONE = p -> {};

    void problem(ImportProblem problem);

    /** {@code records} of {@code file} read so far; called after each batch. */
    default void progress(String file, long records) {}
}
