package dev.atrium.store.jdbc.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The master key: a Google Tink AEAD keyset of AES-256-GCM keys, one of them primary. The primary
 * encrypts; every key of the set decrypts. Each ciphertext starts with Tink's 5-byte prefix (a
 * version byte and the 32-bit id of the key that made it), so a row says which key encrypted it:
 * rewrapping skips rows already under the primary and can resume after an interruption, and a
 * failure names the key id that is missing. Several keys in one set let nodes change keys without
 * a flag day: add a new primary, rewrap, then drop the old keys.
 *
 * <p>The keyset is kept as Tink's JSON keyset format, in the clear: it is the root secret, kept in a
 * file of mode 0600 ({@link MasterKeyFile}), never in the database.
 */
public final class MasterKey {
    /** Tink's prefix: {@code 0x01} and the key id, big-endian (the TINK output prefix). */
    private static final byte TINK_PREFIX = 0x01;
    private static final int PREFIX_LENGTH = 5;

    static {
        try {
            AeadConfig.register(); // the JSON keyset parser needs the AES-GCM serialisation registered
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle keyset;
    private final Aead aead;

    private MasterKey(KeysetHandle keyset) throws GeneralSecurityException {
        for (int i = 0; i < keyset.size(); i++) {
            if (keyset.getAt(i).getKey().getIdRequirementOrNull() == null) {
                throw new GeneralSecurityException("key " + hex(keyset.getAt(i).getId())
                        + " has no key-id prefix (Tink's RAW output prefix); Atrium's rows must name their key");
            }
        }
        this.keyset = keyset;
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** A new master key of one AES-256-GCM key. */
    public static MasterKey generate() {
        try {
            return new MasterKey(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an AES-256-GCM key", e);
        }
    }

    /** Reads Tink's JSON keyset format; IllegalArgumentException when it is not an AEAD keyset Atrium can use. */
    public static MasterKey parse(String json) {
        try {
            return new MasterKey(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a Tink AEAD keyset in JSON (" + e.getMessage() + ")", e);
        }
    }

    /** Tink's JSON keyset format, secret material included. */
    public String toJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot serialise the master key", e);
        }
    }

    /** Every key of this one, plus a new AES-256-GCM key made primary. */
    public MasterKey withNewPrimary() {
        try {
            return new MasterKey(KeysetHandle.newBuilder(keyset)
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot add a key to the master key", e);
        }
    }

    /** This key with its primary only (once no row is under another key). */
    public MasterKey primaryOnly() {
        try {
            KeysetHandle.Builder b = KeysetHandle.newBuilder(keyset);
            for (int i = b.size() - 1; i >= 0; i--) {
                if (!keyset.getAt(i).isPrimary()) {
                    b.deleteAt(i);
                }
            }
            return new MasterKey(b.build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot drop keys from the master key", e);
        }
    }

    /** This key's keys followed by those of {@code other} it lacks; the primary stays this one's. */
    public MasterKey plusKeysOf(MasterKey other) {
        try {
            KeysetHandle.Builder b = KeysetHandle.newBuilder(keyset);
            Set<Integer> have = keyIds();
            for (int i = 0; i < other.keyset.size(); i++) {
                KeysetHandle.Entry e = other.keyset.getAt(i);
                if (!have.contains(e.getId())) {
                    b.addEntry(KeysetHandle.importKey(e.getKey()).withFixedId(e.getId()));
                }
            }
            return new MasterKey(b.build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot merge master keys", e);
        }
    }

    /** The id of the key that encrypts. */
    public int primaryId() {
        return keyset.getPrimary().getId();
    }

    /** The ids of every key, primary first. */
    public Set<Integer> keyIds() {
        Set<Integer> ids = new LinkedHashSet<>();
        ids.add(primaryId());
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return ids;
    }

    /** E.g. {@code key 1a2b3c4d (primary), 0badf00d}. */
    public String describeIds() {
        String ids = keyIds().stream().map(MasterKey::hex).collect(Collectors.joining(", "));
        return (keyIds().size() == 1 ? "key " : "keys ") + ids.replaceFirst("^([0-9a-f]{8})", "$1 (primary)");
    }

    /** A key id as it is printed: 8 hex digits. */
    public static String hex(int keyId) {
        return String.format("%08x", keyId);
    }

    /** Encrypts under the primary key, bound to {@code associatedData}. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Decrypts; GeneralSecurityException when no key of this set made it with this associated data. */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return aead.decrypt(ciphertext, associatedData);
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
        return keyId != null && keyIds().contains(keyId);
    }

    @Override
    public String toString() {
        return "MasterKey[" + describeIds() + "]"; // never the material
    }
}
