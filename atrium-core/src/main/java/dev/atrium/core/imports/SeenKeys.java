package dev.atrium.core.imports;

import java.util.Arrays;

/**
 * The user ids, identities and e-mails an import has met so far, as 64-bit hashes in an
 * open-addressing table: a million users cost some 40 MB instead of the several hundred a set of
 * strings would, which is what lets a duplicate anywhere in a file of any size be found while
 * streaming it. Two different keys share a hash with odds of about one in ten million for ten
 * million keys; such a pair would be reported as a duplicate, never imported twice.
 */
final class SeenKeys {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 16];
    private int size;

    /** Adds {@code kind}+{@code key}; false when it was there already. */
    boolean add(char kind, String key) {
        return addHash(hash(kind, key));
    }

    /** Adds a key by its {@link #hash}; false when it was there already. */
    boolean addHash(long h) {
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        if (!insert(slots, h)) {
            return false;
        }
        size++;
        return true;
    }

    /** Whether {@code kind}+{@code key} was added. */
    boolean contains(char kind, String key) {
        return containsHash(hash(kind, key));
    }

    /** Whether a key was added, by its {@link #hash}. */
    boolean containsHash(long h) {
        int mask = slots.length - 1;
        for (int i = (int) (mix(h) & mask); ; i = (i + 1) & mask) {
            if (slots[i] == EMPTY) {
                return false;
            }
            if (slots[i] == h) {
                return true;
            }
        }
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        for (int i = (int) (mix(h) & mask); ; i = (i + 1) & mask) {
            if (table[i] == EMPTY) {
                table[i] = h;
                return true;
            }
            if (table[i] == h) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        long[] fresh = slots;
        Arrays.stream(old).filter(h -> h != EMPTY).forEach(h -> insert(fresh, h));
    }

    /** FNV-1a over the kind and the key's characters (both bytes of each); never {@link #EMPTY}. */
    static long hash(char kind, String key) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ kind) * 0x100000001b3L;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
            h = (h ^ (c >>> 8)) * 0x100000001b3L;
        }
        return h == EMPTY ? 1 : h;
    }

    /** Spreads FNV's low bits before they pick a slot (MurmurHash3's finaliser). */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
