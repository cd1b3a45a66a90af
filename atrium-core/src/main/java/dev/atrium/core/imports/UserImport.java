package dev.atrium.core.imports;

import dev.atrium.core.users.Identity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The users of one file, streamed: each record is mapped ({@link UserRecordMapper}), checked against
 * everything met before it in this run ({@link SeenKeys}), and gathered into batches the
 * {@link ImportStore} writes one transaction each. A bad record is reported where it starts and
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

    private String file;
    private final List<ImportedUser> batch = new ArrayList<>();
    private final List<UserRecords.Record> where = new ArrayList<>();
    private long created;
    private long updated;
    private long refused;
    private long pending;
    private long apiKeys;

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
        try (UserRecords in = new UserRecords(path)) {
            for (UserRecords.Record r = in.next(); r != null; r = in.next()) {
                records = r.index();
                take(r);
                if (batch.size() >= batchSize) {
                    flush();
                    listener.progress(file, records);
                }
            }
        } catch (UserRecords.Malformed e) {
            complete = false;
            listener.problem(new ImportProblem(file, e.line, e.column, 0, e.getMessage() + " (nothing after it was read)"));
        }
        flush();
        listener.progress(file, records);
        return new FileReport(file, records, created, updated, refused, pending, apiKeys, complete,
                (System.nanoTime() - start) / 1e9);
    }

    private void take(UserRecords.Record r) {
        switch (mapper.map(r.node())) {
            case UserRecordMapper.Pending p -> pending++;
            case UserRecordMapper.Invalid bad -> refuse(r, bad.message());
            case UserRecordMapper.Valid ok -> {
                String duplicate = duplicate(ok.user());
                if (duplicate != null) {
                    refuse(r, duplicate);
                    return;
                }
                apiKeys += ok.apiKeyIdentitiesLeftOut();
                batch.add(ok.user());
                where.add(r);
            }
        }
    }

    /** Why the user repeats what the input had before, or null; its keys are remembered when it does not. */
    private String duplicate(ImportedUser u) {
        if (seen.contains('u', u.user().id())) {
            return "user " + u.user().id() + " appears earlier in the input";
        }
        for (Identity i : u.user().identities()) {
            if (seen.contains('i', i.providerType() + "\u0000" + i.subject())) {
                return "identity " + i.providerType() + "/" + i.subject() + " appears earlier in the input";
            }
        }
        if (u.account() != null && seen.contains('e', u.account().email())) {
            return "e-mail " + u.account().email() + " appears earlier in the input";
        }
        seen.add('u', u.user().id());
        u.user().identities().forEach(i -> seen.add('i', i.providerType() + "\u0000" + i.subject()));
        if (u.account() != null) {
            seen.add('e', u.account().email());
        }
        return null;
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<ImportOutcome> outcomes = store.importUsers(appId, List.copyOf(batch), mode);
        for (int k = 0; k < outcomes.size(); k++) {
            switch (outcomes.get(k).kind()) {
                case NEW -> created++;
                case UPDATED -> updated++;
                case REFUSED -> refuse(where.get(k), outcomes.get(k).reason());
            }
        }
        batch.clear();
        where.clear();
    }

    private void refuse(UserRecords.Record r, String why) {
        refused++;
        listener.problem(new ImportProblem(file, r.line(), r.column(), r.index(), why));
    }
}
