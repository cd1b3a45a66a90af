package dev.atrium.store.jdbc;

import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * What a JDBC store does with the master key when it opens ({@link #unlock}): it proves the key
 * is the store's, or makes the store's first key, and encrypts whatever an older release left in
 * the clear. The proof is a check value in {@code server_state}, encrypted like any secret: a
 * store that has one is encrypted, and a node whose key does not open it refuses to start, naming
 * the problem, instead of failing on every request. A key is generated only for a store with no
 * check value and no encrypted secret, so a lost key is never replaced without anyone noticing.
 *
 * <p>Every change runs in one transaction under a lock (PostgreSQL: an advisory transaction lock;
 * SQLite: its single writer), so N nodes starting at once on an old store encrypt it once.
 */
final class SecretsAtRest {
    private static final System.Logger LOG = System.getLogger("atrium.store");
    static final String CHECK_KEY = "master_key_check";
    static final String CHECK_TEXT = "atrium master key check";
    /** The advisory lock of every change to the store's secrets as a whole (an arbitrary constant). */
    private static final long STORE_LOCK = 0x61747269756d4b4cL;

    private SecretsAtRest() {}

    /** The codec of the store's secrets under the key of {@code source}; MasterKeyException when it is not the store's. */
    static SecretCodec unlock(Database db, MasterKeySource source) {
        String check = db.read(SecretsAtRest::readCheck);
        if (check == null) {
            SecretCodec first = db.write(c -> {
                lock(db, c);
                return readCheck(c) == null ? encryptStore(db, c, source) : null; // null: another node did it first
            });
            if (first != null) {
                checkpoint(db);
                return first;
            }
            check = db.read(SecretsAtRest::readCheck);
        }
        String stored = check;
        MasterKey key = source.read().orElseThrow(() -> missing(source, stored));
        verify(key, stored, source);
        SecretCodec codec = new SecretCodec(key, source);
        if (db.read(c -> SecretRows.visit(c, (v, slot) -> SecretCodec.isSealed(v) ? v : null, false)).total() > 0) {
            db.write(c -> {
                lock(db, c);
                return sealInTheClear(db, c, codec);
            });
            checkpoint(db);
        }
        return codec;
    }

    /**
     * The first key of a store with no check value: a new store, or one of a release that kept
     * secrets in the clear. Secrets already encrypted (the check value was removed by hand) must
     * open with the given key: none is generated for them.
     */
    private static SecretCodec encryptStore(Database db, Connection c, MasterKeySource source) throws SQLException {
        boolean anySealed = SecretRows.list(c).stream().anyMatch(f -> SecretCodec.isSealed(f.stored()));
        MasterKey key = anySealed ? source.read().orElseThrow(() -> new MasterKeyException("the store holds encrypted "
                + "secrets but no master key check value, and the " + source.describe() + " does not exist: restore the "
                + "master key the store was encrypted with")) : source.read().orElseGet(source::createForNewStore);
        SecretCodec codec = new SecretCodec(key, source);
        SecretRows.Changes sealed;
        secureDelete(db, c, true);
        try {
            sealed = SecretRows.visit(c, (v, slot) -> SecretCodec.isSealed(v) ? opened(codec, v, slot) : codec.seal(v, slot), true);
        } finally {
            secureDelete(db, c, false);
        }
        writeCheck(c, codec.seal(CHECK_TEXT, SecretSlot.check()), false);
        if (sealed.total() > 0) {
            logSealed(sealed, key, source);
        }
        return codec;
    }

    private static String opened(SecretCodec codec, String stored, SecretSlot slot) {
        codec.open(stored, slot);
        return stored;
    }

    private static int sealInTheClear(Database db, Connection c, SecretCodec codec) throws SQLException {
        secureDelete(db, c, true);
        try {
            SecretRows.Changes sealed = SecretRows.visit(c, (v, slot) -> SecretCodec.isSealed(v) ? v : codec.seal(v, slot), true);
            if (sealed.total() > 0) {
                logSealed(sealed, codec.key(), codec.source());
            }
            return sealed.total();
        } finally {
            secureDelete(db, c, false);
        }
    }

    private static void logSealed(SecretRows.Changes sealed, MasterKey key, MasterKeySource source) {
        LOG.log(System.Logger.Level.INFO, "encrypted " + sealed.total() + " secrets stored in the clear by an earlier release ("
                + sealed.signingKeys() + " signing keys, " + sealed.settings() + " app settings, " + sealed.providerConfigs()
                + " provider config fields) under master " + key.describeIds() + " of the " + source.describe());
    }

    private static MasterKeyException missing(MasterKeySource source, String check) {
        return new MasterKeyException("the store's secrets are encrypted with master key " + keyIdText(check) + ", and the "
                + source.describe() + " does not exist. Restore that file from your backup, or point master-key-file "
                + "(ATRIUM_MASTER_KEY_FILE, --master-key-file) at it. No new key is made for a store that has one. "
                + "If the key is lost for good: `atrium keys reset-after-lost-master-key` (every session ends; webhook and "
                + "provider secrets must be set again).");
    }

    /** MasterKeyException unless {@code key} opens the store's check value. */
    static void verify(MasterKey key, String check, MasterKeySource source) {
        byte[] ciphertext = decode(check);
        Integer id = MasterKey.keyIdOf(ciphertext);
        if (!key.holds(id)) {
            throw new MasterKeyException("wrong master key: the store's secrets are encrypted with master key " + keyIdText(check)
                    + ", and the " + source.describe() + " holds " + key.describeIds() + ". Every node that shares the "
                    + "store needs the same master key file (after a rewrap: the new one). If the store's key is lost "
                    + "for good: `atrium keys reset-after-lost-master-key`.");
        }
        try {
            key.decrypt(ciphertext, SecretSlot.check().associatedData());
        } catch (GeneralSecurityException e) {
            throw new MasterKeyException("the master key check value does not decrypt with master key " + MasterKey.hex(id)
                    + " of the " + source.describe() + ": the key or the server_state row was altered", e);
        }
    }

    /** Whether {@code key} opens the store's check value. */
    static boolean opens(MasterKey key, String check) {
        try {
            key.decrypt(decode(check), SecretSlot.check().associatedData());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static String keyIdText(String sealed) {
        Integer id = MasterKey.keyIdOf(decode(sealed));
        return id == null ? "(unknown)" : MasterKey.hex(id);
    }

    private static byte[] decode(String sealed) {
        if (!SecretCodec.isSealed(sealed)) {
            return new byte[0];
        }
        try {
            return Base64.getUrlDecoder().decode(sealed.substring(SecretCodec.PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    static String readCheck(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM server_state WHERE key = ?")) {
            ps.setString(1, CHECK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void writeCheck(Connection c, String sealed, boolean replace) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(replace ? "UPDATE server_state SET value = ? WHERE key = ?"
                : "INSERT INTO server_state (value, key) VALUES (?, ?)")) {
            ps.setString(1, sealed);
            ps.setString(2, CHECK_KEY);
            ps.executeUpdate();
        }
    }

    /** Serialises changes to the store's secrets as a whole across nodes (SQLite's writers are serial already). */
    static void lock(Database db, Connection c) throws SQLException {
        db.dialect().lockAcrossNodes(c, STORE_LOCK);
    }

    /**
     * SQLite: while on, deleted and overwritten content is zeroed in the file, so a secret replaced
     * by its ciphertext leaves no copy in free space (sqlite.org/pragma.html#pragma_secure_delete).
     */
    static void secureDelete(Database db, Connection c, boolean on) throws SQLException {
        db.dialect().secureDelete(c, on);
    }

    /** SQLite: moves the WAL into the file and empties it, so no older page (with a secret in the clear) stays in it. */
    static void checkpoint(Database db) {
        db.dialect().truncateLog(db);
    }
}
