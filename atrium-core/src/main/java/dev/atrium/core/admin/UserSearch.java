package dev.atrium.core.admin;

import dev.atrium.core.kernel.ObjectIds;
import java.util.Locale;

/**
 * What an operator typed in the users search (docs/architecture.md, Surfaces: admin API and
 * console): a user id, which finds that user exactly, or the start of an e-mail address, which
 * finds every user holding an identity whose provider data carries an {@code email} beginning so,
 * case-insensitively. The stores answer an e-mail prefix from an index (docs/stores.md, "Finding
 * users"), so it stays a range scan at a million users.
 */
public sealed interface UserSearch {
    /** The longest text searched: an e-mail address is at most 254 characters (RFC 5321, section 4.5.3.1.3). */
    int MAX_LENGTH = 254;

    /** The user with exactly this (lower-case 24-hex) id. */
    record ById(String userId) implements UserSearch {}

    /**
     * Users with an identity whose e-mail starts with {@code prefix} (lower case). Compared as code
     * points, the order both stores' indexes keep ({@code COLLATE "C"} on PostgreSQL, SQLite's binary
     * collation), so the matches are exactly those from {@code prefix} up to {@link #upperBound()}.
     */
    record ByEmailPrefix(String prefix) implements UserSearch {
        public ByEmailPrefix {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("an e-mail prefix is not empty");
            }
        }

        /** The least string greater than every string starting with {@code prefix}: its last code point plus one. */
        public String upperBound() {
            int[] cps = prefix.codePoints().toArray();
            for (int i = cps.length - 1; i >= 0; i--) {
                if (cps[i] < Character.MAX_CODE_POINT) {
                    cps[i]++;
                    return new String(cps, 0, i + 1);
                }
            }
            return null; // only U+10FFFF…: no bound needed, nothing sorts after it
        }

        /** Whether {@code email} (as stored) matches. */
        public boolean matches(String email) {
            return email != null && email.toLowerCase(Locale.ROOT).startsWith(prefix);
        }
    }

    /**
     * The search of {@code text}: a 24-hex id (any case) is a user id, anything else an e-mail
     * prefix (lower-cased). Trimmed; IllegalArgumentException when empty or longer than {@link #MAX_LENGTH}.
     */
    static UserSearch parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("search must not be empty");
        }
        if (t.length() > MAX_LENGTH || t.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("search must be at most " + MAX_LENGTH + " characters, without control characters");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return ObjectIds.isValid(lower) ? new ById(lower) : new ByEmailPrefix(lower);
    }
}
