package dev.atrium.store.jdbc;

import dev.atrium.core.apps.SecretFields;
import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

/**
 * The one place where secrets are encrypted on their way into the database and decrypted on their
 * way out, for every JDBC store (SQLite and PostgreSQL alike): signing keys' private JWKs, and the
 * secret fields ({@link SecretFields}) of app settings and provider configs. A stored secret is
 * {@code sealed:v1:} and the base64url of a Tink AES-256-GCM ciphertext bound to its
 * {@link SecretSlot}.
 *
 * <p>When a ciphertext names a key this node's master key lacks, the master key file is read again
 * (at most once a second) before giving up: a rewrap elsewhere followed by the new file being put
 * in place is picked up without a restart.
 */
final class SecretCodec {
    static final String PREFIX = "sealed:v1:";
    private static final long RELOAD_SPACING_NANOS = 1_000_000_000L;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final MasterKeySource source;
    private volatile MasterKey key;
    private long lastReload;
    private boolean reloaded;

    SecretCodec(MasterKey key, MasterKeySource source) {
        this.key = key;
        this.source = source;
    }

    MasterKey key() {
        return key;
    }

    MasterKeySource source() {
        return source;
    }

    /** From now on, encrypt with {@code next} (after a rewrap to it). */
    void use(MasterKey next) {
        key = next;
    }

    static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The id of the master key that encrypted {@code stored}, or null when it is not sealed. */
    static Integer keyIdOf(String stored) {
        return isSealed(stored) ? MasterKey.keyIdOf(bytes(stored)) : null;
    }

    String seal(String plaintext, SecretSlot slot) {
        return seal(key, plaintext, slot);
    }

    static String seal(MasterKey with, String plaintext, SecretSlot slot) {
        return PREFIX + B64.encodeToString(with.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), slot.associatedData()));
    }

    /** The plaintext of {@code stored}; MasterKeyException naming the slot and the reason when it cannot be had. */
    String open(String stored, SecretSlot slot) {
        if (!isSealed(stored)) {
            throw new MasterKeyException("the " + slot.describe() + " is stored in the clear, which this release never "
                    + "writes (a node of an older release?): restart any node of this release to encrypt it");
        }
        byte[] ciphertext = bytes(stored);
        Integer keyId = MasterKey.keyIdOf(ciphertext);
        MasterKey k = key;
        if (!k.holds(keyId)) {
            k = reloadFor(keyId);
        }
        if (!k.holds(keyId)) {
            throw new MasterKeyException("the " + slot.describe() + " was encrypted under master key "
                    + (keyId == null ? "?" : MasterKey.hex(keyId)) + ", which the " + source.describe() + " does not hold ("
                    + k.describeIds() + "). Give this node the master key file the store was last rewrapped to.");
        }
        try {
            return new String(k.decrypt(ciphertext, slot.associatedData()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new MasterKeyException("the " + slot.describe() + " does not decrypt with master key " + MasterKey.hex(keyId)
                    + ": the row was altered, or its value copied from another row", e);
        }
    }

    /** Re-reads the master key source when it may have changed (a rewrap), at most once a second. */
    private synchronized MasterKey reloadFor(Integer keyId) {
        if (key.holds(keyId)) {
            return key;
        }
        long now = System.nanoTime();
        if (reloaded && now - lastReload < RELOAD_SPACING_NANOS) {
            return key;
        }
        reloaded = true;
        lastReload = now;
        MasterKey fresh = source.read().orElse(null);
        if (fresh != null && fresh.holds(keyId)) {
            key = fresh;
        }
        return key;
    }

    /** A private JWK as stored. */
    String sealJwk(String appId, String kid, String privateJwk) {
        return seal(privateJwk, SecretSlot.signingKey(appId, kid));
    }

    String openJwk(String appId, String kid, String stored) {
        return open(stored, SecretSlot.signingKey(appId, kid));
    }

    /** App settings as stored: their secret fields sealed. */
    Map<String, Object> sealSettings(String appId, Map<String, Object> settings) {
        return SecretFields.map(settings, (path, value) -> seal(value, SecretSlot.setting(appId, path)));
    }

    Map<String, Object> openSettings(String appId, Map<String, Object> stored) {
        return SecretFields.map(stored, (path, value) -> open(value, SecretSlot.setting(appId, path)));
    }

    /** A provider config as stored: its secret fields sealed. */
    Map<String, Object> sealConfig(String appId, String type, Map<String, Object> config) {
        return SecretFields.map(config, (path, value) -> seal(value, SecretSlot.provider(appId, type, path)));
    }

    Map<String, Object> openConfig(String appId, String type, Map<String, Object> stored) {
        return SecretFields.map(stored, (path, value) -> open(value, SecretSlot.provider(appId, type, path)));
    }

    private static byte[] bytes(String stored) {
        try {
            return UNB64.decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
