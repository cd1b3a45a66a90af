package dev.atrium.store.jdbc;

import dev.atrium.store.jdbc.secrets.MasterKey;
import dev.atrium.store.jdbc.secrets.MasterKeyException;
import dev.atrium.store.jdbc.secrets.MasterKeySource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's changes to the store's secrets as a whole, each in one transaction under the
 * secrets lock ({@link SecretsAtRest#lock}): rewrapping under another master key, and the reset
 * after a master key is lost for good.
 */
final class SecretMaintenance {
    private SecretMaintenance() {}

    /**
     * Re-encrypts every secret (and the check value) under {@code next}'s primary key, reading with
     * the keys of both {@code next} and the current master key. Rows already under that key are left
     * as they are, so a rewrap that was interrupted (or ran twice) just finishes.
     */
    static JdbcStore.Rewrap rewrap(Database db, SecretCodec codec, MasterKey next) {
        MasterKey reader = next.plusKeysOf(codec.key());
        SecretCodec readCodec = new SecretCodec(reader, codec.source());
        int primary = next.primaryId();
        int[] already = {0};
        SecretRows.Rewrite rewrite = (stored, slot) -> {
            if (Objects.equals(SecretCodec.keyIdOf(stored), primary)) {
                already[0]++;
                return stored;
            }
            return SecretCodec.seal(next, readCodec.open(stored, slot), slot);
        };
        int rewrapped = db.write(c -> {
            SecretsAtRest.lock(db, c);
            already[0] = 0;
            SecretsAtRest.secureDelete(db, c, true);
            try {
                int n = SecretRows.visit(c, rewrite, true).total();
                String check = SecretsAtRest.readCheck(c);
                if (!Objects.equals(SecretCodec.keyIdOf(check), primary)) {
                    SecretSlot slot = SecretSlot.check();
                    SecretsAtRest.writeCheck(c, SecretCodec.seal(next, readCodec.open(check, slot), slot), true);
                }
                return n;
            } finally {
                SecretsAtRest.secureDelete(db, c, false);
            }
        });
        SecretsAtRest.checkpoint(db);
        codec.use(reader);
        return new JdbcStore.Rewrap(rewrapped, already[0], next);
    }

    /**
     * After a master key is lost for good: deletes every signing key (each app gets a new one on
     * first use, so every session ends and every token stops verifying) and removes every webhook
     * and provider secret (they must be set again), then makes the key of {@code source} the
     * store's. Refused when the store has no encrypted secret, or when {@code source}'s key opens
     * it (then nothing is lost). With {@code apply} false nothing changes: the answer lists what would go.
     */
    static JdbcStore.LostKeyReset resetAfterLostKey(Database db, MasterKeySource source, boolean apply) {
        String check = db.read(SecretsAtRest::readCheck);
        if (check == null) {
            throw new MasterKeyException("the store has no encrypted secrets yet (no master key check value): no master key "
                    + "is lost, nothing to reset");
        }
        Optional<MasterKey> current = source.read();
        if (current.isPresent() && SecretsAtRest.opens(current.get(), check)) {
            throw new MasterKeyException("the " + source.describe() + " opens this store: no master key is lost, nothing "
                    + "was changed");
        }
        List<SecretRows.Found> found = db.read(SecretRows::list);
        if (apply) {
            db.write(c -> {
                SecretsAtRest.lock(db, c);
                SecretsAtRest.secureDelete(db, c, true);
                try {
                    SecretRows.visit(c, (stored, slot) -> null, true);
                    MasterKey key = source.read().orElseGet(source::createForNewStore);
                    SecretsAtRest.writeCheck(c, SecretCodec.seal(key, SecretsAtRest.CHECK_TEXT, SecretSlot.check()), true);
                } finally {
                    SecretsAtRest.secureDelete(db, c, false);
                }
                return null;
            });
            SecretsAtRest.checkpoint(db);
        }
        List<String> keys = found.stream().filter(f -> f.slot().table().equals(SecretSlot.SIGNING_KEYS))
                .map(f -> f.slot().appId()).distinct().toList();
        List<String> secrets = found.stream().filter(f -> !f.slot().table().equals(SecretSlot.SIGNING_KEYS))
                .map(f -> f.slot().describe()).toList();
        long keyCount = found.stream().filter(f -> f.slot().table().equals(SecretSlot.SIGNING_KEYS)).count();
        return new JdbcStore.LostKeyReset(apply, SecretsAtRest.keyIdText(check), (int) keyCount, keys, secrets,
                current.isPresent());
    }
}
