package dev.atrium.core.imports;

import java.util.List;

/** The export itself cannot be used (its app id or provider list unreadable): nothing was written. */
public final class ImportFailedException extends RuntimeException {
    private final transient List<ImportProblem> problems;

    public ImportFailedException(List<ImportProblem> problems) {
        super(problems.stream().map(ImportProblem::toString).reduce((a, b) -> a + "; " + b).orElse("import failed"));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
