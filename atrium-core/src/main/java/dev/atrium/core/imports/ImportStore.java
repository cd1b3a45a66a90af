package dev.atrium.core.imports;

import java.time.Instant;
import java.util.List;

/**
 * Persistence of imported users: a batch at a time, each batch one transaction, so an
 * interrupted import leaves whole users behind and a second run finishes it.
 *
 * <p>Writing user {@code u} of app {@code a}:
 * <ul>
 *   <li>no user with its id anywhere: {@link ImportOutcome#NEW}. The user, its identities in the
 *       given order, and its e-mail account (confirmed, no password) are written.</li>
 *   <li>a user with its id in app {@code a} (an earlier run): {@link ImportOutcome#UPDATED}. Its
 *       type, disabled flag, creation time and custom data (when {@code u} has any) become
 *       {@code u}'s, its last activity the later of both; {@code u}'s identities come first, in
 *       order, with {@code u}'s provider data, then any identity only the store has (linked since),
 *       in its order; a missing e-mail account is written, an existing one is kept as it is (a
 *       password set since stays). Sessions and API keys stay.</li>
 *   <li>refused, with nothing of {@code u} written, when its id belongs to a user of another app,
 *       one of its identities to another user, its e-mail to another account, or its account id
 *       to an account with another e-mail; or when a record before it in the batch has its id, one of its
 *       identities or its e-mail.</li>
 * </ul>
 * No event is written: the users are not new to the app. The anonymous flag follows the
 * identities the user ends up with (docs/architecture.md, Anonymous), so imported guests are swept
 * like any other.
 */
public interface ImportStore {

    /**
     * Writes the batch (or, in {@link ImportMode#DRY_RUN}, only reads what deciding needs) in one
     * transaction; returns one outcome per user, in order.
     */
    List<ImportOutcome> importUsers(String appId, List<ImportedUser> batch, ImportMode mode);

    /**
     * How many batches this store writes well at once: several where the database takes concurrent
     * writers (each batch is its own transaction, and an import never gives two batches the same
     * user, identity or e-mail), one where writers queue anyway.
     */
    default int concurrentBatches() {
        return 1;
    }

    /**
     * The app's e-mail accounts that have no password and no reset token valid at {@code now}
     * (imported users not yet invited, or whose invitation expired), with ids after
     * {@code afterId} (null: from the first), in id order, at most {@code limit}.
     */
    List<EmailAccount> withoutPassword(String appId, String afterId, int limit, Instant now);
}
