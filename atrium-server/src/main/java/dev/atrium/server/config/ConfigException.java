package dev.atrium.server.config;

import java.util.List;

/** The configuration is invalid; {@link #problems()} names every bad key with its allowed range. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
