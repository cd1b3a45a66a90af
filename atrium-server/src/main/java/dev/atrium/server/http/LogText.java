package dev.atrium.server.http;

/**
 * The one escaping of log lines: a line may carry caller input (a path, an origin, an error
 * message echoing an e-mail or an id), and a raw CR/LF in it would forge a second log record, an
 * ESC a terminal sequence. C0 controls, DEL and the Unicode line separators become {@code \n},
 * {@code \r}, {@code \t} or {@code \\uXXXX}; a backslash is doubled, so an escape cannot be faked.
 */
public final class LogText {
    private LogText() {}

    /** {@code text} with every control character escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\\' -> "\\\\";
            default -> c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
