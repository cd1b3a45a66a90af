package dev.atrium.server.cli;

import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.server.app.Stores;
import dev.atrium.server.config.Durations;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code atrium apps configure --app ID …}: change an app's settings; running nodes apply them within cache-ttl. */
@Command(name = "configure", description = "Change an app's settings (only the options given).")
final class AppsConfigure implements Runnable {
    @Mixin
    ConfigOptions options;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--app", required = true)
    String appId;
    @Option(names = "--access-token-lifetime", paramLabel = "DURATION")
    String accessLifetime;
    @Option(names = "--refresh-token-lifetime", paramLabel = "DURATION")
    String refreshLifetime;
    @Option(names = "--inactivity", paramLabel = "DURATION", description = "guests inactive this long are swept")
    String inactivity;
    @Option(names = "--activity-granularity", paramLabel = "DURATION")
    String granularity;
    @Option(names = "--guest-rate-per-hour")
    Integer guestRate;
    @Option(names = "--guest-burst")
    Integer guestBurst;
    @Option(names = "--guest-app-budget-per-hour", description = "0 = no app-wide budget")
    Integer guestBudget;
    @Option(names = "--webhook-url", description = "where lifecycle events are POSTed ('' to stop)")
    String webhookUrl;
    @Option(names = "--webhook-secret", description = "HMAC-SHA256 key of X-Atrium-Signature")
    String webhookSecret;

    @Override
    public void run() {
        try (AtriumStore store = Stores.open(options.load())) {
            App app = store.apps().find(appId)
                    .orElseThrow(() -> new AtriumCommand.CommandFailure("no app with id '" + appId + "'"));
            AppSettings s = app.settings();
            String url = webhookUrl == null ? s.webhookUrl() : webhookUrl.isEmpty() ? null : webhookUrl;
            AppSettings next = new AppSettings(d(accessLifetime, s.accessTokenLifetime()), d(refreshLifetime, s.refreshTokenLifetime()),
                    d(inactivity, s.inactivity()), d(granularity, s.activityGranularity()),
                    guestRate == null ? s.guestRatePerHour() : guestRate, guestBurst == null ? s.guestBurst() : guestBurst,
                    guestBudget == null ? s.guestAppBudgetPerHour() : guestBudget, url,
                    webhookSecret == null ? s.webhookSecret() : webhookSecret);
            store.apps().updateSettings(appId, next);
            spec.commandLine().getOut().println("settings of app " + appId + ": " + next.toMap().keySet().stream()
                    .map(k -> k + "=" + (k.equals("webhook_secret") ? "***" : next.toMap().get(k))).toList());
        }
    }

    private static Duration d(String text, Duration current) {
        return text == null ? current : Durations.parse(text);
    }
}
