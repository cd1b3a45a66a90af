package dev.atrium.server.config;

import java.util.Arrays;
import java.util.Optional;

/** How log records are written on stderr: one line of text (the default) or one JSON object per line. */
public enum LogFormat {
    TEXT("text"),
    JSON("json");

    private final String key;

    LogFormat(String key) {
        this.key = key;
    }

    /** The configuration value. */
    public String key() {
        return key;
    }

    /** The format a configuration value names, if any. */
    public static Optional<LogFormat> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.key.equals(value.trim())).findFirst();
    }
}
