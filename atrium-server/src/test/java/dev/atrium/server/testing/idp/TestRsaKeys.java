package dev.atrium.server.testing.idp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RSA 2048 test keys, one per role, the same in every call of a JVM. They come from
 * {@code test-rsa-keys.json} beside this class (made once with nimbus' {@code RSAKeyGenerator}; test
 * keys, trusted nowhere): a 2048-bit prime search costs about a second of CPU on the C1-only test
 * JVMs, and the tests need keys that differ from each other (an issuer's and its impostor's), not
 * fresh ones. A role beyond the file's keys gets a generated key.
 */
public final class TestRsaKeys {
    private static final List<JWK> STOCK = stock();
    private static final ConcurrentHashMap<String, RSAKey> BY_ROLE = new ConcurrentHashMap<>();
    private static final AtomicInteger TAKEN = new AtomicInteger();

    private TestRsaKeys() {
    }

    /** The key of {@code role} (the same in every call of this JVM) under key id {@code kid}. */
    public static RSAKey of(String role, String kid) {
        return new RSAKey.Builder(BY_ROLE.computeIfAbsent(role, r -> next())).keyID(kid).build();
    }

    /** Each new role takes the next unused stock key. */
    private static RSAKey next() {
        int i = TAKEN.getAndIncrement();
        return i < STOCK.size() ? STOCK.get(i).toRSAKey() : generate();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JWK> stock() {
        try (InputStream in = TestRsaKeys.class.getResourceAsStream("test-rsa-keys.json")) {
            return JWKSet.load(in).getKeys();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
