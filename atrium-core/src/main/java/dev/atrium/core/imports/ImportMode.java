package dev.atrium.core.imports;

/** Whether an import writes, or only reads and says what it would write. */
public enum ImportMode {
    WRITE,
    /** Every check and every read of the real run, nothing written. */
    DRY_RUN
}
