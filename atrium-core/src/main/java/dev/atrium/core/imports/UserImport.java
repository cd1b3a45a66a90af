package dev.atrium.core.imports;

import dev.atrium.core.users.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The users of one file, streamed: each record is mapped ({@link UserRecordMapper}), checked against
 * everything met before it in this run ({@link SeenKeys}), and gathered into batches the
 * {@link ImportStore} writes one transaction each. Reading and writing overlap ({@link BatchWriter}):
 * while the store writes one batch, the next is read. A bad record is reported where it starts and
 * left out; the others go on.
 */
final class UserImport {
    private final ImportStore store;
    private final String appId;
    private final UserRecordMapper mapper;
    private final SeenKeys seen;
    private final ImportMode mode;
    private final int batchSize;
    private final ImportListener listener;

    private List<ImportedUser> batch = new ArrayList<>();
    private List<UserRecords.Position> where = new ArrayList<>();
    private long pending;
    private long apiKeys;
    private BatchWriter writer;
    private String file;

    UserImport(ImportStore store, String appId, UserRecordMapper mapper, SeenKeys seen, ImportMode mode, int batchSize,
               ImportListener listener) {
        this.store = store;
        this.appId = appId;
        this.mapper = mapper;
        this.seen = seen;
        this.mode = mode;
        this.batchSize = batchSize;
        this.listener = listener;
    }

    FileReport run(Path path) {
        file = path.toString();
        long start = System.nanoTime();
        long records = 0;
        boolean complete = true;
        writer = new BatchWriter(store, appId, mode, file, listener);
        try {
            try (UserRecords in = new UserRecords(path)) {
                for (UserRecords.Record r = in.next(); r != null; r = in.next()) {
                    records = r.index();
                    take(r);
                    if (batch.size() >= batchSize) {
                        flush(records);
                    }
                }
            } catch (UserRecords.Malformed e) {
                complete = false;
                writer.problem(new ImportProblem(file, e.line, e.column, 0, e.getMessage() + " (nothing after it was read)"));
            }
            flush(records);
            writer.finish();
        } finally {
            writer.stop(); // after a failure: no thread left waiting for more
        }
        return new FileReport(file, records, writer.created(), writer.updated(), writer.refused(), pending, apiKeys, complete,
                (System.nanoTime() - start) / 1e9);
    }

    private void take(UserRecords.Record r) {
        switch (mapper.map(r.node())) {
            case UserRecordMapper.Pending p -> pending++;
            case UserRecordMapper.Invalid bad -> writer.refuse(r.position(), bad.message());
            case UserRecordMapper.Valid ok -> {
                String duplicate = duplicate(ok.user());
                if (duplicate != null) {
                    writer.refuse(r.position(), duplicate);
                    return;
                }
                apiKeys += ok.apiKeyIdentitiesLeftOut();
                batch.add(ok.user());
                where.add(r.position());
            }
        }
    }

    /** Why the user repeats what the input had before, or null; its keys are remembered when it does not. */
    private String duplicate(ImportedUser u) {
        long id = SeenKeys.hash('u', u.user().id());
        if (seen.containsHash(id)) {
            return "user " + u.user().id() + " appears earlier in the input";
        }
        long[] identities = new long[u.user().identities().size()];
        for (int k = 0; k < identities.length; k++) {
            Identity i = u.user().identities().get(k);
            identities[k] = SeenKeys.hash('i', i.providerType() + "\u0000" + i.subject());
            if (seen.containsHash(identities[k])) {
                return "identity " + i.providerType() + "/" + i.subject() + " appears earlier in the input";
            }
        }
        long email = u.account() == null ? 0 : SeenKeys.hash('e', u.account().email());
        if (u.account() != null && seen.containsHash(email)) {
            return "e-mail " + u.account().email() + " appears earlier in the input";
        }
        seen.addHash(id);
        for (long h : identities) {
            seen.addHash(h);
        }
        if (u.account() != null) {
            seen.addHash(email);
        }
        return null;
    }

    private void flush(long records) {
        if (!batch.isEmpty()) {
            writer.write(batch, where, records);
            batch = new ArrayList<>();
            where = new ArrayList<>();
        }
    }
}
