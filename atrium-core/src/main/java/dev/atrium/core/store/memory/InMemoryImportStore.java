package dev.atrium.core.store.memory;

import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.imports.EmailAccount;
import dev.atrium.core.imports.ImportMode;
import dev.atrium.core.imports.ImportOutcome;
import dev.atrium.core.imports.ImportStore;
import dev.atrium.core.imports.ImportedUser;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link ImportStore} over {@link InMemoryData}: a batch holds the data's monitor throughout, as a transaction would. */
final class InMemoryImportStore implements ImportStore {
    private final InMemoryData data;

    InMemoryImportStore(InMemoryData data) {
        this.data = data;
    }

    @Override
    public List<ImportOutcome> importUsers(String appId, List<ImportedUser> batch, ImportMode mode) {
        synchronized (data) {
            List<ImportOutcome> outcomes = new ArrayList<>();
            Set<String> taken = new HashSet<>(); // ids, identities and e-mails of the batch's earlier records
            for (ImportedUser u : batch) {
                ImportOutcome outcome = decide(appId, u, taken);
                outcomes.add(outcome);
                if (outcome.kind() != ImportOutcome.Kind.REFUSED && mode == ImportMode.WRITE) {
                    write(u);
                }
            }
            return outcomes;
        }
    }

    private ImportOutcome decide(String appId, ImportedUser u, Set<String> taken) {
        User user = u.user();
        List<String> keys = new ArrayList<>(List.of("user\u0000" + user.id()));
        user.identities().forEach(i -> keys.add(InMemoryData.identityKey(appId, i.providerType(), i.subject())));
        if (u.account() != null) {
            keys.add("email\u0000" + u.account().email());
        }
        if (keys.stream().anyMatch(taken::contains)) {
            return ImportOutcome.refused("an earlier record of the batch has its id, an identity or its e-mail");
        }
        taken.addAll(keys);
        User existing = data.users.get(user.id());
        if (existing != null && !existing.appId().equals(appId)) {
            return ImportOutcome.refused("user id " + user.id() + " belongs to another app");
        }
        for (Identity i : user.identities()) {
            String holder = data.identities.get(InMemoryData.identityKey(appId, i.providerType(), i.subject()));
            if (holder != null && !holder.equals(user.id())) {
                return ImportOutcome.refused("identity " + i.providerType() + "/" + i.subject() + " belongs to user " + holder);
            }
        }
        if (u.account() != null) {
            Optional<UserpassAccount> byEmail = data.userpass.findByEmail(appId, u.account().email());
            if (byEmail.isPresent() && !byEmail.get().id().equals(u.account().id())) {
                return ImportOutcome.refused("e-mail " + u.account().email() + " belongs to another account");
            }
            UserpassAccount byId = data.userpass.byId(u.account().id());
            if (byId != null && (!byId.appId().equals(appId) || !byId.email().equals(u.account().email()))) {
                return ImportOutcome.refused("account " + u.account().id() + " has another e-mail");
            }
        }
        return existing == null ? ImportOutcome.NEW : ImportOutcome.UPDATED;
    }

    private void write(ImportedUser u) {
        User given = u.user();
        User existing = data.users.get(given.id());
        User merged = given;
        if (existing != null) {
            List<Identity> identities = new ArrayList<>(given.identities());
            for (Identity i : existing.identities()) {
                if (given.identities().stream().noneMatch(g -> same(g, i))) {
                    identities.add(i);
                }
            }
            Instant lastActive = existing.lastActiveAt().isAfter(given.lastActiveAt()) ? existing.lastActiveAt()
                    : given.lastActiveAt();
            merged = new User(given.id(), given.appId(), given.type(), given.disabled(), given.createdAt(), lastActive,
                    given.customData().isEmpty() ? existing.customData() : given.customData(), identities);
        }
        data.putUser(merged);
        EmailAccount a = u.account();
        if (a != null && data.userpass.byId(a.id()) == null) {
            data.userpass.put(new UserpassAccount(a.id(), given.appId(), a.email(), null, true, null, null,
                    given.createdAt()));
        }
    }

    private static boolean same(Identity a, Identity b) {
        return a.providerType().equals(b.providerType()) && a.subject().equals(b.subject());
    }

    @Override
    public List<EmailAccount> withoutPassword(String appId, String afterId, int limit, Instant now) {
        return data.userpass.all().stream()
                .filter(a -> a.appId().equals(appId) && !a.hasPassword())
                .filter(a -> afterId == null || a.id().compareTo(afterId) > 0)
                .filter(a -> a.resetToken() == null || !a.resetToken().expiresAt().isAfter(now))
                .sorted(Comparator.comparing(UserpassAccount::id))
                .limit(limit)
                .map(a -> new EmailAccount(a.id(), a.email()))
                .toList();
    }
}
