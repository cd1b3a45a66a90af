package dev.atrium.core.auth.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Argon2id password hashing (password4j), PHC string form so parameters travel with each hash and
 * can be raised later without breaking old ones. Defaults are OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane). Every computation runs on the {@link HashingPool}: at most
 * {@code concurrency} at once, off the request threads, a caller waiting at most
 * {@code queueTimeout} for its turn before a ServerBusy refusal.
 */
public final class PasswordHasher implements AutoCloseable {
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    /**
     * Made on the first hash, not at start: password4j's Argon2Function allocates its whole block
     * memory up front (19 MiB at the defaults, 19,456 arrays of 1 KiB) and keeps it, which cost every
     * server ~20 MB of heap, ~20 young collections during start-up, and idle RSS, though many apps
     * never hash a password. A race makes it twice at worst; password4j caches it per parameters.
     */
    private volatile Argon2Function function;
    private final HashingPool pool;
    /**
     * Verified against when the account does not exist, so an unknown e-mail costs one Argon2
     * computation with the current parameters, like a known one. A random salt and a random
     * "hash" no password can match: made without hashing, so it costs neither start-up time nor
     * an extra computation on first use.
     */
    private final String dummyHash;

    public PasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency, Duration queueTimeout) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.pool = new HashingPool(concurrency, queueTimeout);
        this.dummyHash = "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + randomBase64(16) + "$" + randomBase64(32);
    }

    public String hash(String password) {
        return pool.run(() -> Password.hash(password).addRandomSalt(16).with(function()).getResult());
    }

    /** Whether {@code password} matches {@code hash}; a null hash costs the same one computation and answers false. */
    public boolean verify(String password, String hash) {
        String target = hash == null ? dummyHash : hash;
        boolean ok = pool.run(() -> Password.check(password, target).with(Argon2Function.getInstanceFromHash(target)));
        return hash != null && ok;
    }

    private Argon2Function function() {
        Argon2Function f = function;
        if (f == null) {
            f = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
            function = f;
        }
        return f;
    }

    /** Argon2 computations started (hashes and verifications) since start: metrics, and tests that count them. */
    public long computations() {
        return pool.computations();
    }

    /** Callers refused with ServerBusy because no hashing thread was free in time (metrics). */
    public long refusals() {
        return pool.refusals();
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String randomBase64(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b);
    }
}
