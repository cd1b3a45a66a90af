package dev.atrium.bench.report;

import dev.atrium.bench.baseline.BaselineResult;
import dev.atrium.bench.load.LoadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each scenario as a share of the raw work it cannot avoid. Login: the store's guest insert at the
 * same concurrency, one guest per transaction (every form measured), and two signatures on all
 * cores. Refresh: one signature plus one verification. Profile: one verification. All-core
 * verification is estimated from one thread times the scaling measured for signing.
 */
public final class Ratios {
    private Ratios() {}

    public static List<Ratio> of(List<BaselineResult> baselines, List<LoadResult> scenarios) {
        Map<String, BaselineResult> b = baselines.stream().collect(Collectors.toMap(BaselineResult::name, Function.identity()));
        List<Ratio> out = new ArrayList<>();
        BaselineResult sign1 = b.get("sign-1-thread");
        BaselineResult signAll = b.get("sign-all-cores");
        BaselineResult verify1 = b.get("verify-1-thread");
        for (LoadResult s : scenarios) {
            switch (s.scenario()) {
                case "login" -> {
                    baselines.stream().filter(x -> x.name().startsWith("insert-")).forEach(insert -> out.add(new Ratio(
                            "login", insert.name(), s.perSecond() / insert.perSecond(),
                            "logins/s ÷ guest inserts/s (" + insert.description() + ")")));
                    if (signAll != null) {
                        out.add(new Ratio("login", "sign-all-cores / 2", s.perSecond() / (signAll.perSecond() / 2),
                                "logins/s ÷ the rate of two signatures on all cores"));
                    }
                }
                case "refresh" -> {
                    if (signAll != null && verify1 != null && sign1 != null) {
                        double verifyAll = verify1.perSecond() * signAll.perSecond() / sign1.perSecond();
                        double bound = 1 / (1 / signAll.perSecond() + 1 / verifyAll);
                        out.add(new Ratio("refresh", "sign + verify, all cores", s.perSecond() / bound,
                                "refreshes/s ÷ the rate of one verification and one signature on all cores"));
                    }
                }
                case "profile" -> {
                    if (signAll != null && verify1 != null && sign1 != null) {
                        double verifyAll = verify1.perSecond() * signAll.perSecond() / sign1.perSecond();
                        out.add(new Ratio("profile", "verify, all cores", s.perSecond() / verifyAll,
                                "profiles/s ÷ the rate of one verification on all cores"));
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(out);
    }
}
