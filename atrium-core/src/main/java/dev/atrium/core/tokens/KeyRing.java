package dev.atrium.core.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing keys of every app, loaded from the store and cached with their signer and verifiers
 * built once (building an Ed25519 signer per token would cost more than the signature).
 * An app without a key gets one on first use. A cached entry is reloaded after {@code reload}, and
 * at once when a token names an unknown kid (another node rotated), at most once a second per app
 * so forged kids cannot turn into a query flood.
 */
public final class KeyRing {
    private static final Duration UNKNOWN_KID_RELOAD_SPACING = Duration.ofSeconds(1);

    private final SigningKeyStore store;
    private final Clock clock;
    private final Duration reload;
    private final ConcurrentHashMap<String, AppKeys> cache = new ConcurrentHashMap<>();

    /** The access-token algorithms a key may have: EdDSA (Ed25519, the default) or ES256 (P-256). */
    public static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256);

    /**
     * One app's loaded keys. Access tokens are signed with the active key's algorithm, EdDSA by
     * default, or ES256 for resource servers whose JWT library has no EdDSA (nimbus's generic
     * processor, Node's jsonwebtoken, Auth0's java-jwt); anyone verifies them from the JWKS;
     * refresh tokens are HS256 with a secret derived from the same key (only Atrium ever verifies
     * a refresh token, and a MAC costs ~1 µs against Ed25519's ~160 µs verification, the largest
     * cost of a refresh). Deriving it keeps rotation, retirement and multi-node sharing as they are.
     */
    record AppKeys(String activeKid, JWSAlgorithm activeAlg, JWSSigner signer, Map<String, JWSVerifier> verifiers,
                   JWSSigner refreshSigner, Map<String, JWSVerifier> refreshVerifiers,
                   List<JWK> publicKeys, Instant loadedAt) {}

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
            AppKeys stale = new AppKeys(keys.activeKid, keys.activeAlg, keys.signer, keys.verifiers, keys.refreshSigner,
                    keys.refreshVerifiers, keys.publicKeys, now);
            cache.put(appId, stale);
            return stale;
        }
    }

    /** The access-token verifier (the key's own algorithm) for {@code kid}, or null when the app has no such key even after a reload. */
    JWSVerifier verifier(String appId, String kid) {
        return lookup(appId, kid, AppKeys::verifiers);
    }

    /** The refresh-token (HS256) verifier for {@code kid}, or null likewise. */
    JWSVerifier refreshVerifier(String appId, String kid) {
        return lookup(appId, kid, AppKeys::refreshVerifiers);
    }

    private JWSVerifier lookup(String appId, String kid, java.util.function.Function<AppKeys, Map<String, JWSVerifier>> which) {
        AppKeys keys = forApp(appId);
        JWSVerifier v = which.apply(keys).get(kid);
        if (v == null && keys.loadedAt.plus(UNKNOWN_KID_RELOAD_SPACING).isBefore(clock.instant())) {
            keys = loadOrCreate(appId, clock.instant());
            cache.put(appId, keys);
            v = which.apply(keys).get(kid);
        }
        return v;
    }

    /**
     * Makes a new key the app's signing key (design §3: rotated with overlap). The old key keeps
     * verifying, and stays in the JWKS, for {@code overlap} (the longest token lifetime), then is
     * pruned by a later rotation. Other nodes pick the new key up within their reload interval;
     * until then they sign with the old one, which every node still accepts. {@code alg} (one of
     * {@link #ALGORITHMS}) switches the app's algorithm; null keeps the active key's. Returns the new kid.
     */
    public String rotate(String appId, java.time.Duration overlap, JWSAlgorithm alg) {
        Instant now = clock.instant();
        AppKeys current = forApp(appId); // an app without a key gets its first one; rotating it then retires that
        SigningKey next = generate(appId, now, alg != null ? alg : current.activeAlg());
        if (!store.rotate(next, now, now.minus(overlap))) {
            throw new IllegalStateException("app " + appId + " has no active key to rotate");
        }
        cache.remove(appId);
        return next.kid();
    }

    /** The public keys to publish in the app's JWKS (active and retired). */
    public List<JWK> publicKeys(String appId) {
        return forApp(appId).publicKeys;
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
        String activeKid = null;
        JWSAlgorithm activeAlg = null;
        JWSSigner signer = null;
        JWSSigner refreshSigner = null;
        Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
        Map<String, JWSVerifier> refreshVerifiers = new LinkedHashMap<>();
        List<JWK> publics = new ArrayList<>();
        for (SigningKey row : rows) {
            try {
                JWK jwk = JWK.parse(row.privateJwk());
                JWK pub = jwk.toPublicJWK();
                verifiers.put(row.kid(), jwk instanceof ECKey ec ? new ECDSAVerifier(ec.toPublicJWK())
                        : new Ed25519Verifier(((OctetKeyPair) jwk).toPublicJWK()));
                byte[] refreshSecret = refreshSecret(jwk);
                refreshVerifiers.put(row.kid(), new MACVerifier(refreshSecret));
                publics.add(pub);
                if (signer == null && row.state().equals(SigningKey.ACTIVE)) {
                    activeKid = row.kid();
                    activeAlg = jwk instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA;
                    signer = jwk instanceof ECKey ec ? new ECDSASigner(ec) : new Ed25519Signer((OctetKeyPair) jwk);
                    refreshSigner = new MACSigner(refreshSecret);
                }
            } catch (ParseException | JOSEException | ClassCastException e) {
                throw new IllegalStateException("signing key " + row.kid() + " of app " + row.appId() + " is unreadable", e);
            }
        }
        if (signer == null) {
            throw new IllegalStateException("no active signing key after creation");
        }
        return new AppKeys(activeKid, activeAlg, signer, Map.copyOf(verifiers), refreshSigner, Map.copyOf(refreshVerifiers),
                List.copyOf(publics), now);
    }

    /** SHA-256 of a label and the key's private scalar: 256 bits, never leaves the process. */
    private static byte[] refreshSecret(JWK jwk) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("atrium-refresh-token-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return sha.digest(jwk instanceof ECKey ec ? ec.getD().decode() : ((OctetKeyPair) jwk).getDecodedD());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** A new Ed25519 key for the app (the default); kid = app-unique, time-ordered. */
    public static SigningKey generate(String appId, Instant now) {
        return generate(appId, now, JWSAlgorithm.EdDSA);
    }

    /** A new key of {@code alg} (one of {@link #ALGORITHMS}) for the app. */
    public static SigningKey generate(String appId, Instant now, JWSAlgorithm alg) {
        if (!ALGORITHMS.contains(alg)) {
            throw new IllegalArgumentException("signing algorithm must be one of " + ALGORITHMS + ", not " + alg);
        }
        try {
            String kid = dev.atrium.core.kernel.ObjectIds.next(now);
            JWK jwk = alg.equals(JWSAlgorithm.ES256)
                    ? new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate()
                    : new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate();
            return new SigningKey(appId, kid, alg.getName(), jwk.toJSONString(), SigningKey.ACTIVE, now, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key", e);
        }
    }
}
