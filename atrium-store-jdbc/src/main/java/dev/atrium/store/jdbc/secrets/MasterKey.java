package dev.atrium.store.jdbc.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import dev.atrium.core.kernel.Json;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The master key: a set of AES-256-GCM keys, one of them primary, each used through Google Tink's
 * AES-GCM ({@link AesGcmJce}, 12-byte random nonce, 16-byte tag). The primary encrypts; every key
 * of the set decrypts. Each ciphertext starts with Tink's 5-byte prefix (a version byte and the
 * 32-bit id of the key that made it), so a row says which key encrypted it: rewrapping skips rows
 * already under the primary and can resume after an interruption, and a failure names the key id
 * that is missing. Several keys in one set let nodes change keys without a flag day: add a new
 * primary, rewrap, then drop the old keys.
 *
 * <p>Its file form is a small JSON document (format {@value #FORMAT}): the primary's id and each
 * key's id and 32 bytes in base64, in the clear. It is the root secret, kept in a file of mode
 * 0600 ({@link MasterKeyFile}), never in the database. (Tink's own keyset format would bring
 * protobuf in at start-up, which warns on JDK 24+; the ciphertexts are the same.)
 */
public final class MasterKey {
    /** The {@code format} of the file form. */
    public static final String FORMAT = "atrium-master-key/1";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;
    /** Tink's prefix: {@code 0x01} and the key id, big-endian (the TINK output prefix). */
    private static final byte TINK_PREFIX = 0x01;
    private static final int PREFIX_LENGTH = 5;
    private static final AesGcmParameters AES256_GCM;

    static {
        try {
            AES256_GCM = AesGcmParameters.builder().setKeySizeBytes(KEY_BYTES).setIvSizeBytes(12).setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.TINK).build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One key: its material (for the file form) and Tink's AEAD over it. */
    private record Entry(byte[] material, Aead aead) {
        static Entry of(int id, byte[] material) {
            try {
                AesGcmKey key = AesGcmKey.builder().setParameters(AES256_GCM)
                        .setKeyBytes(SecretBytes.copyFrom(material, InsecureSecretKeyAccess.get())).setIdRequirement(id).build();
                return new Entry(material.clone(), AesGcmJce.create(key));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot make an AES-256-GCM key", e);
            }
        }
    }

    private final int primaryId;
    /** By id, primary first. */
    private final Map<Integer, Entry> keys;

    private MasterKey(int primaryId, Map<Integer, Entry> keys) {
        this.primaryId = primaryId;
        Map<Integer, Entry> ordered = new LinkedHashMap<>();
        ordered.put(primaryId, keys.get(primaryId));
        ordered.putAll(keys);
        this.keys = java.util.Collections.unmodifiableMap(ordered);
    }

    /** A new master key of one AES-256-GCM key. */
    public static MasterKey generate() {
        int id = RANDOM.nextInt();
        return new MasterKey(id, Map.of(id, Entry.of(id, randomKey())));
    }

    private static byte[] randomKey() {
        byte[] b = new byte[KEY_BYTES];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Reads the file form; IllegalArgumentException, never quoting key material, when it is not one. */
    public static MasterKey parse(String json) {
        Map<String, Object> doc;
        try {
            doc = Json.readObject(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!FORMAT.equals(doc.get("format"))) {
            throw new IllegalArgumentException("its format is not " + FORMAT);
        }
        Map<Integer, Entry> keys = new LinkedHashMap<>();
        if (!(doc.get("keys") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("it has no keys");
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> k) || !(k.get("id") instanceof String id) || !(k.get("aes256_gcm") instanceof String b64)) {
                throw new IllegalArgumentException("a key is not {\"id\": \"<8 hex digits>\", \"aes256_gcm\": \"<base64>\"}");
            }
            int keyId = parseId(id);
            byte[] material = decode(b64, id);
            if (keys.put(keyId, Entry.of(keyId, material)) != null) {
                throw new IllegalArgumentException("key " + id + " appears twice");
            }
        }
        if (!(doc.get("primary") instanceof String primary) || !keys.containsKey(parseId(primary))) {
            throw new IllegalArgumentException("its primary is not one of its keys");
        }
        return new MasterKey(parseId(primary), keys);
    }

    private static int parseId(String hex) {
        if (!hex.matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("key id '" + hex + "' is not 8 hex digits");
        }
        return Integer.parseUnsignedInt(hex, 16);
    }

    private static byte[] decode(String b64, String id) {
        try {
            byte[] b = Base64.getDecoder().decode(b64);
            if (b.length == KEY_BYTES) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("key " + id + " is not " + KEY_BYTES + " bytes in base64");
    }

    /** The file form, key material included. */
    public String toJson() {
        List<Map<String, Object>> list = new ArrayList<>();
        keys.forEach((id, e) -> {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("id", hex(id));
            k.put("aes256_gcm", Base64.getEncoder().encodeToString(e.material()));
            list.add(k);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("primary", hex(primaryId));
        doc.put("keys", list);
        return Json.write(doc) + "\n";
    }

    /** Every key of this one, plus a new AES-256-GCM key made primary. */
    public MasterKey withNewPrimary() {
        int id;
        do {
            id = RANDOM.nextInt();
        } while (keys.containsKey(id));
        Map<Integer, Entry> next = new LinkedHashMap<>(keys);
        next.put(id, Entry.of(id, randomKey()));
        return new MasterKey(id, next);
    }

    /** This key with its primary only (once no row is under another key). */
    public MasterKey primaryOnly() {
        return new MasterKey(primaryId, Map.of(primaryId, keys.get(primaryId)));
    }

    /** This key's keys followed by those of {@code other} it lacks; the primary stays this one's. */
    public MasterKey plusKeysOf(MasterKey other) {
        Map<Integer, Entry> both = new LinkedHashMap<>(keys);
        other.keys.forEach(both::putIfAbsent);
        return new MasterKey(primaryId, both);
    }

    /** The id of the key that encrypts. */
    public int primaryId() {
        return primaryId;
    }

    /** The ids of every key, primary first. */
    public Set<Integer> keyIds() {
        return new LinkedHashSet<>(keys.keySet());
    }

    /** E.g. {@code keys 1a2b3c4d (primary), 0badf00d}. */
    public String describeIds() {
        String ids = keys.keySet().stream().map(MasterKey::hex).collect(Collectors.joining(", "));
        return (keys.size() == 1 ? "key " : "keys ") + ids.replaceFirst("^([0-9a-f]{8})", "$1 (primary)");
    }

    /** A key id as it is printed: 8 hex digits. */
    public static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    /** Encrypts under the primary key, bound to {@code associatedData}. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return keys.get(primaryId).aead().encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts; GeneralSecurityException when no key of this set made it with this associated data. */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        Integer id = keyIdOf(ciphertext);
        Entry key = id == null ? null : keys.get(id);
        if (key == null) {
            throw new GeneralSecurityException("no key of this master key made this ciphertext");
        }
        return key.aead().decrypt(ciphertext, associatedData);
    }

    /** The id of the key named by a ciphertext's prefix, or null when it has no Tink prefix. */
    public static Integer keyIdOf(byte[] ciphertext) {
        if (ciphertext.length < PREFIX_LENGTH || ciphertext[0] != TINK_PREFIX) {
            return null;
        }
        return ((ciphertext[1] & 0xff) << 24) | ((ciphertext[2] & 0xff) << 16) | ((ciphertext[3] & 0xff) << 8)
                | (ciphertext[4] & 0xff);
    }

    /** Whether this set holds the key {@code keyId}. */
    public boolean holds(Integer keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    @Override
    public String toString() {
        return "MasterKey[" + describeIds() + "]"; // never the material
    }
}
