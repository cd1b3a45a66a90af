package dev.atrium.core.kernel;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * 24-hex identifiers in MongoDB ObjectId form (docs/architecture.md, The product's rules): 4 bytes of epoch seconds, 5 random
 * bytes fixed per process, 3 bytes of a counter. Time-ordered for index locality, unique across
 * processes with overwhelming probability, and accepted by the SDKs, which parse user, device and
 * API-key ids as ObjectIds. They are identifiers, not secrets: never use one as a credential.
 */
public final class ObjectIds {
    /** The all-zero id; the SDKs read it as "no device id" (docs/client-api.md, Login and linking). */
    public static final String ZERO = "000000000000000000000000";
    private static final Pattern HEX24 = Pattern.compile("[0-9a-f]{24}");
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PROCESS = new byte[5];
    private static final AtomicInteger COUNTER;

    static {
        SecureRandom random = new SecureRandom();
        random.nextBytes(PROCESS);
        COUNTER = new AtomicInteger(random.nextInt());
    }

    private ObjectIds() {}

    /** A new id stamped with {@code now}. */
    public static String next(Instant now) {
        long seconds = now.getEpochSecond();
        int count = COUNTER.getAndIncrement();
        byte[] b = new byte[12];
        b[0] = (byte) (seconds >>> 24);
        b[1] = (byte) (seconds >>> 16);
        b[2] = (byte) (seconds >>> 8);
        b[3] = (byte) seconds;
        System.arraycopy(PROCESS, 0, b, 4, 5);
        b[9] = (byte) (count >>> 16);
        b[10] = (byte) (count >>> 8);
        b[11] = (byte) count;
        return HEX.formatHex(b);
    }

    /** Whether {@code s} is a lower-case 24-hex id. */
    public static boolean isValid(String s) {
        return s != null && HEX24.matcher(s).matches();
    }
}
