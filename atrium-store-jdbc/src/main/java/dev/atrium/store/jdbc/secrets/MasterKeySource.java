package dev.atrium.store.jdbc.secrets;

import java.util.Optional;

/** Where a store's master key comes from: a file ({@link MasterKeyFile}) or, for tooling and tests, memory. */
public interface MasterKeySource {

    /** The key as it is now (re-read on each call); empty when there is none yet; MasterKeyException when unreadable. */
    Optional<MasterKey> read();

    /**
     * A key for a store that holds no encrypted secret yet (new, or written by a release that kept
     * them in the clear): made and kept if this source may, else MasterKeyException saying how to make one.
     */
    MasterKey createForNewStore();

    /** What to name in messages, e.g. {@code master key file /srv/atrium/master.key}. */
    String describe();

    /** A key held in memory only: for stores thrown away with the process (the bench's baseline, tests). */
    static MasterKeySource of(MasterKey key) {
        return new MasterKeySource() {
            @Override
            public Optional<MasterKey> read() {
                return Optional.of(key);
            }

            @Override
            public MasterKey createForNewStore() {
                return key;
            }

            @Override
            public String describe() {
                return "an in-memory master key (" + key.describeIds() + ")";
            }
        };
    }
}
