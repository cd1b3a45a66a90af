package dev.atrium.server.cli;

import dev.atrium.server.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Reads a duration option as operators write it (250ms, 5s, 2m, 1h, 90d, or ISO-8601); a bad one is
 * a usage error that names the option: "Invalid value for option '--inactivity': 'soon' is not a duration …".
 */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
