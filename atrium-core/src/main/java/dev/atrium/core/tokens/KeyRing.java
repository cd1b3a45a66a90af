package dev.atrium.core.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.JWK;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of every app, loaded from the store and cached with their signer and verifiers
 * built once (building a signer per token would cost more than the signature).
 * An app without a key gets one of {@link #DEFAULT_ALGORITHM} on first use. A cached entry is reloaded after {@code reload}, and
 * at once when a token names an unknown kid (another node rotated), at most once a second per app
 * so forged kids cannot turn into a query flood.
 */
public final class KeyRing {
    private static final Duration UNKNOWN_KID_RELOAD_SPACING = Duration.ofSeconds(1);

    private final SigningKeyStore store;
    private final Clock clock;
    private final Duration reload;
    private final ConcurrentHashMap<String, AppKeys> cache = new ConcurrentHashMap<>();

    /** The access-token algorithms a key may have: ES256 (P-256) or EdDSA (Ed25519). */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);

    /**
     * The algorithm of an app's first key: ES256, which every common verifier has (Spring
     * Security's NimbusJwtDecoder, Auth0's java-jwt, Node's jsonwebtoken have no EdDSA; see
     * docs/verifying-tokens.md). With ES256 on AWS-LC (EcdsaProvider) it is also the faster one here (docs/performance.md); EdDSA stays one rotation
     * away. An app that already has a key keeps its algorithm: only a rotation changes it.
     */
    public static final JWSAlgorithm DEFAULT_ALGORITHM = JWSAlgorithm.ES256;

    /**
     * One app's loaded keys. Access tokens are signed with the active key's algorithm (ES256 or
     * EdDSA); anyone verifies them from the JWKS. Refresh tokens are HS256 with a secret derived
     * from the same key (only Atrium ever verifies a refresh token, and a MAC costs ~1 µs against
     * the ~160 µs of an Ed25519 verification, once the largest cost of a refresh). Deriving it
     * keeps rotation, retirement and multi-node sharing as they are.
     */
    record AppKeys(String activeKid, Map<String, KeyMaterial> byKid, Instant loadedAt) {
        /** The key new tokens are signed with. */
        KeyMaterial active() {
            return byKid.get(activeKid);
        }

        AppKeys reloadedAt(Instant at) {
            return new AppKeys(activeKid, byKid, at);
        }
    }

    public KeyRing(SigningKeyStore store, Clock clock, Duration reload) {
        this.store = store;
        this.clock = clock;
        this.reload = reload;
    }

    /**
     * The app's keys, creating the first key when it has none. The caller has checked the app exists.
     * The store is read outside any lock (a slow or dead database must not queue every request
     * behind one reload), and when a reload fails the cached keys go on serving for another
     * interval: keys change only by rotation, and every node keeps accepting retired keys.
     */
    AppKeys forApp(String appId) {
        Instant now = clock.instant();
        AppKeys keys = cache.get(appId);
        if (keys != null && keys.loadedAt.plus(reload).isAfter(now)) {
            return keys;
        }
        try {
            AppKeys loaded = loadOrCreate(appId, now);
            cache.put(appId, loaded);
            return loaded;
        } catch (RuntimeException e) {
            if (keys == null) {
                throw e;
            }
            AppKeys stale = keys.reloadedAt(now);
            cache.put(appId, stale);
            return stale;
        }
    }

    /** The access-token verifier (the key's own algorithm) for {@code kid}, or null when the app has no such key even after a reload. */
    JWSVerifier verifier(String appId, String kid) {
        return lookup(appId, kid, KeyMaterial::verifier);
    }

    /** The refresh-token (HS256) verifier for {@code kid}, or null likewise. */
    JWSVerifier refreshVerifier(String appId, String kid) {
        return lookup(appId, kid, KeyMaterial::refreshVerifier);
    }

    private JWSVerifier lookup(String appId, String kid, java.util.function.Function<KeyMaterial, JWSVerifier> which) {
        AppKeys keys = forApp(appId);
        KeyMaterial m = keys.byKid().get(kid);
        if (m == null && keys.loadedAt.plus(UNKNOWN_KID_RELOAD_SPACING).isBefore(clock.instant())) {
            keys = loadOrCreate(appId, clock.instant());
            cache.put(appId, keys);
            m = keys.byKid().get(kid);
        }
        return m == null ? null : which.apply(m);
    }

    /**
     * Makes a new key the app's signing key (docs/client-api.md, Tokens: rotated with overlap). The old key keeps
     * verifying, and stays in the JWKS, for {@code overlap} (the longest token lifetime), then is
     * pruned by a later rotation. Other nodes pick the new key up within their reload interval;
     * until then they sign with the old one, which every node still accepts. {@code alg} (one of
     * {@link #ALGORITHMS}) switches the app's algorithm; null keeps the active key's. Returns the new kid.
     */
    public String rotate(String appId, java.time.Duration overlap, JWSAlgorithm alg) {
        Instant now = clock.instant();
        AppKeys current = forApp(appId); // an app without a key gets its first one; rotating it then retires that
        SigningKey next = generate(appId, now, alg != null ? alg : current.active().alg());
        if (!store.rotate(next, now, now.minus(overlap))) {
            throw new IllegalStateException("app " + appId + " has no active key to rotate");
        }
        cache.remove(appId);
        return next.kid();
    }

    /** The public keys to publish in the app's JWKS (active and retired). */
    public List<JWK> publicKeys(String appId) {
        return forApp(appId).byKid().values().stream().map(KeyMaterial::publicJwk).toList();
    }

    /**
     * The access-token algorithms of the keys in the app's JWKS, the active key's first, each
     * once: what its tokens may be signed with until the retired keys are pruned.
     */
    public List<JWSAlgorithm> algorithms(String appId) {
        AppKeys keys = forApp(appId);
        java.util.LinkedHashSet<JWSAlgorithm> algs = new java.util.LinkedHashSet<>();
        algs.add(keys.active().alg());
        keys.byKid().values().forEach(k -> algs.add(k.alg()));
        return List.copyOf(algs);
    }

    private AppKeys loadOrCreate(String appId, Instant now) {
        List<SigningKey> rows = store.forApp(appId);
        if (rows.stream().noneMatch(k -> k.state().equals(SigningKey.ACTIVE))) {
            store.insertFirst(generate(appId, now)); // false: another node won the race; reload below sees its key
            rows = store.forApp(appId);
        }
        return build(rows, now);
    }

    private static AppKeys build(List<SigningKey> rows, Instant now) {
        Map<String, KeyMaterial> byKid = new LinkedHashMap<>();
        String activeKid = null;
        for (SigningKey row : rows) {
            try {
                byKid.put(row.kid(), KeyMaterial.of(row.privateJwk()));
            } catch (ParseException | JOSEException e) {
                throw new IllegalStateException("signing key " + row.kid() + " of app " + row.appId() + " is unreadable", e);
            }
            if (activeKid == null && row.state().equals(SigningKey.ACTIVE)) {
                activeKid = row.kid();
            }
        }
        if (activeKid == null) {
            throw new IllegalStateException("no active signing key after creation");
        }
        return new AppKeys(activeKid, java.util.Collections.unmodifiableMap(byKid), now); // insertion order: the JWKS order
    }

    /** A new key of {@link #DEFAULT_ALGORITHM} for the app; kid = app-unique, time-ordered. */
    public static SigningKey generate(String appId, Instant now) {
        return generate(appId, now, DEFAULT_ALGORITHM);
    }

    /** A new key of {@code alg} (one of {@link #ALGORITHMS}) for the app. */
    public static SigningKey generate(String appId, Instant now, JWSAlgorithm alg) {
        if (!ALGORITHMS.contains(alg)) {
            throw new IllegalArgumentException("signing algorithm must be one of " + ALGORITHMS + ", not " + alg);
        }
        try {
            String kid = dev.atrium.core.kernel.ObjectIds.next(now);
            String jwk = KeyMaterial.generate(kid, alg);
            return new SigningKey(appId, kid, alg.getName(), jwk, SigningKey.ACTIVE, now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key", e);
        }
    }
}
