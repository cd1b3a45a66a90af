package dev.atrium.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogTextTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain text                                   | plain text",
            "a\\u000d\\u000ab                             | a\\r\\nb",
            "tab\\u0009nul\\u0000esc\\u001bdel\\u007f     | tab\\tnul\\u0000esc\\u001bdel\\u007f",
            "back\\slash                                  | back\\\\slash",
            "line\\u2028sep                               | line\\u2028sep"})
    void escapeWhenControlCharactersThenEscapedAndBackslashDoubled(String input, String expected) {
        assertThat(LogText.escape(unescape(input))).isEqualTo(expected);
    }

    /** The table's input column uses Java's \\uXXXX notation for the characters that can't be typed. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
