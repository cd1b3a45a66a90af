package dev.atrium.core.auth.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (password4j), PHC string form so parameters travel with each hash and
 * can be raised later without breaking old ones. Defaults are OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane).
 */
public final class PasswordHasher {
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;

    private final Argon2Function function;
    /**
     * Verified against when the account does not exist, so unknown emails cost the same time.
     * Made on first use: an Argon2 hash at start-up would cost every start ~0.5 s (issue 8).
     */
    private volatile String dummyHash;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID);
    }

    private String dummy() {
        String d = dummyHash;
        if (d == null) {
            d = hash("atrium-dummy-password");
            dummyHash = d;
        }
        return d;
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    /** Whether {@code password} matches {@code hash}; a null hash burns the same time and answers false. */
    public boolean verify(String password, String hash) {
        String target = hash == null ? dummy() : hash;
        boolean ok = Password.check(password, target).with(Argon2Function.getInstanceFromHash(target));
        return hash != null && ok;
    }
}
