package dev.atrium.server.testing.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RSA 2048 test keys made once per test JVM, one per role. Generating one is a prime search that
 * took a fifth of the server module's test CPU when every stub made four of its own; the tests need
 * keys that differ from each other (an issuer's and its impostor's), not fresh ones.
 */
public final class TestRsaKeys {
    private static final ConcurrentHashMap<String, RSAKey> BY_ROLE = new ConcurrentHashMap<>();

    private TestRsaKeys() {
    }

    /** The key of {@code role} (the same in every call of this JVM) under key id {@code kid}. */
    public static RSAKey of(String role, String kid) {
        return new RSAKey.Builder(BY_ROLE.computeIfAbsent(role, r -> generate())).keyID(kid).build();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
