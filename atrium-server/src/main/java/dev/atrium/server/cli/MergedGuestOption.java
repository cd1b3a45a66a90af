package dev.atrium.server.cli;

import dev.atrium.core.apps.MergedGuest;
import picocli.CommandLine;

/** Reads {@code --merged-guest delete|keep}; anything else is a usage error naming the option and its values. */
final class MergedGuestOption implements CommandLine.ITypeConverter<MergedGuest> {
    @Override
    public MergedGuest convert(String value) {
        try {
            return MergedGuest.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is neither delete nor keep");
        }
    }
}
