package dev.atrium.client.storage;

/**
 * Keeps the users of one app on this device as a whole snapshot: loaded once when an
 * {@link dev.atrium.client.App} is built, replaced after every change of a user's state or tokens.
 *
 * <p>The snapshot holds bearer credentials (refresh tokens live 60 days): an implementation must
 * keep it where only the app's own OS user can read it.
 *
 * <p>Implementations must be thread-safe and {@link #save} must be atomic: a reader (or a crash)
 * sees the previous snapshot or the new one, never a mix. The SDK calls {@code save} from one
 * thread at a time per App. One storage serves one App at a time: two Apps over the same storage
 * would overwrite each other's changes.
 */
public interface UserStorage {

    /**
     * The last saved snapshot, or {@link StoredUsers#EMPTY} when nothing was ever saved.
     *
     * @throws java.io.UncheckedIOException when the stored data cannot be read
     */
    StoredUsers load();

    /**
     * Replaces the stored snapshot with {@code users}.
     *
     * @throws java.io.UncheckedIOException when it cannot be written; the previous snapshot stays
     */
    void save(StoredUsers users);
}
