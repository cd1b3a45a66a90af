package dev.atrium.store.jdbc;

import dev.atrium.core.admission.GuestClaim;
import dev.atrium.core.apps.RateLimit;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of sign-ups grouped by bucket, for {@link GuestSignupSql}: which bucket (app + client
 * network) each guest draws from and its rank there, how many tokens each bucket is asked for
 * (the batch's need, plus a grant to lease where the bucket is big, {@link GuestLeases}) and with
 * which limit, the app budgets involved, and the claims' latest time.
 */
final class GuestBatchPlan {
    /** A bucket the batch draws from; {@code claim} is its latest claim (the one a lease is kept for). */
    private record Group(String appId, String clientKey, RateLimit limit, GuestClaim claim) {}

    private final List<GuestSignupSql.Claimed> batch;
    private final Map<List<String>, Integer> counts = new LinkedHashMap<>();
    private final Map<List<String>, Group> groups = new LinkedHashMap<>();
    private final Map<String, RateLimit> budgets = new LinkedHashMap<>();
    private final List<Integer> ranks = new ArrayList<>();
    private long at;

    GuestBatchPlan(List<GuestSignupSql.Claimed> batch) {
        this.batch = batch;
        for (GuestSignupSql.Claimed s : batch) {
            GuestClaim claim = s.claim();
            if (claim == null) {
                ranks.add(null);
                continue;
            }
            List<String> key = List.of(claim.appId(), claim.clientKey());
            ranks.add(counts.merge(key, 1, Integer::sum));
            groups.put(key, new Group(claim.appId(), claim.clientKey(), claim.perNetwork(), claim));
            if (claim.hasAppBudget()) {
                budgets.putIfAbsent(claim.appId(), claim.appBudget());
            }
            at = Math.max(at, claim.at().toEpochMilli());
        }
    }

    /** Whether an app of the batch has an app-wide budget (the statement then takes from it too). */
    boolean hasBudgets() {
        return !budgets.isEmpty();
    }

    /** Binds the statement's first parameters: each guest's bucket and rank, each bucket's ask and limit, the budgets. */
    void bind(ArrayParameters a) throws SQLException {
        List<Integer> seqs = java.util.stream.IntStream.range(0, batch.size()).boxed().toList();
        a.int4(seqs, i -> i).text(seqs, i -> batch.get(i).signup().user().id())
                .text(seqs, i -> batch.get(i).signup().user().appId())
                .text(seqs, i -> batch.get(i).claim() == null ? null : batch.get(i).claim().clientKey())
                .int4(seqs, ranks::get);
        List<Map.Entry<List<String>, Group>> wanted = List.copyOf(groups.entrySet());
        a.text(wanted, e -> e.getValue().appId()).text(wanted, e -> e.getValue().clientKey())
                .int4(wanted, e -> counts.get(e.getKey())).int4(wanted, e -> GuestLeases.grant(e.getValue().claim()))
                .int4(wanted, e -> e.getValue().limit().burst())
                .float8(wanted, e -> perMs(e.getValue().limit())).int8(at);
        if (!budgets.isEmpty()) {
            List<Map.Entry<String, RateLimit>> apps = List.copyOf(budgets.entrySet());
            a.text(apps, Map.Entry::getKey).int4(apps, e -> e.getValue().burst()).float8(apps, e -> perMs(e.getValue()))
                    .int8(at);
        }
    }

    /** The latest claim of the batch on bucket ({@code appId}, {@code clientKey}). */
    GuestClaim claimOn(String appId, String clientKey) {
        return groups.get(List.of(appId, clientKey)).claim();
    }

    private static double perMs(RateLimit limit) {
        return limit.perSecond() / 1000;
    }
}
