package dev.atrium.server.http.admin;

import com.nimbusds.jose.jwk.JWK;
import dev.atrium.core.admin.StatsService;
import dev.atrium.core.admin.UserAdmin;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppSettings;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.apps.SecretFields;
import dev.atrium.core.auth.apikey.ApiKey;
import dev.atrium.core.auth.password.UserpassAdmin;
import dev.atrium.core.events.FailingDeliveries;
import dev.atrium.core.events.UserEvent;
import dev.atrium.core.tokens.SigningKey;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin API's JSON shapes (openapi.json components), built as ordered maps. */
final class AdminViews {
    private AdminViews() {}

    static Map<String, Object> app(App a) {
        return map("id", a.id(), "name", a.name(), "created_at", a.createdAt(), "settings", settings(a.settings()));
    }

    /** Settings without the webhook secret (write only): {@code webhook_secret_set} says whether one exists. */
    static Map<String, Object> settings(AppSettings s) {
        Map<String, Object> m = new LinkedHashMap<>(s.toMap());
        m.remove("webhook_secret");
        m.putIfAbsent("webhook_url", null);
        m.put("webhook_secret_set", s.webhookSecret() != null);
        return m;
    }

    /** A provider with its config's secrets (write only) replaced by {@code <key>_set: true} ({@link SecretFields}). */
    static Map<String, Object> provider(ProviderConfig p) {
        return map("id", p.id(), "type", p.type(), "enabled", p.enabled(), "config", SecretFields.redacted(p.config()));
    }

    /**
     * A user as lists show it: {@code email}, the first e-mail its identities' providers know, and
     * {@code identity}, its first lasting identity (provider and subject; null for a guest), are what
     * the console's identity column shows.
     */
    static Map<String, Object> user(User u) {
        Object email = u.profileData().get("email");
        Identity lasting = u.identities().stream().filter(i -> !i.providerType().equals(User.ANON_PROVIDER)).findFirst().orElse(null);
        return map("id", u.id(), "type", u.type().wire(), "anonymous", u.isAnonymous(), "disabled", u.disabled(),
                "created_at", u.createdAt(), "last_active_at", u.lastActiveAt(), "providers", u.providerTypes(),
                "email", email instanceof String e ? e : null,
                "identity", lasting == null ? null : map("provider_type", lasting.providerType(), "subject", lasting.subject()));
    }

    static Map<String, Object> detail(UserAdmin.Detail d) {
        Map<String, Object> m = user(d.user());
        m.put("identities", d.user().identities().stream().map(i -> map("id", i.subject(), "provider_type", i.providerType(),
                "provider_data", i.providerData(), "created_at", i.createdAt())).toList());
        m.put("sessions", d.sessions().stream().map(s -> map("id", s.id(), "device_id", s.deviceId(),
                "created_at", s.createdAt(), "expires_at", s.expiresAt())).toList());
        m.put("custom_data", d.user().customData());
        m.put("password_reset", UserpassAdmin.hasPassword(d.user())); // the console offers "Send password reset"
        return m;
    }

    static Map<String, Object> serverKey(ApiKey k, String secret) {
        Map<String, Object> m = map("_id", k.id(), "name", k.name(), "disabled", k.disabled(), "user_id", k.userId());
        if (secret != null) {
            m.put("key", secret);
        }
        return m;
    }

    static Map<String, Object> signingKey(SigningKey k) {
        Object jwk;
        try {
            jwk = JWK.parse(k.privateJwk()).toPublicJWK().toJSONObject(); // EC (ES256) or OKP (EdDSA)
        } catch (java.text.ParseException e) {
            jwk = null;
        }
        return map("kid", k.kid(), "alg", k.alg(), "state", k.state(), "created_at", k.createdAt(),
                "retired_at", k.retiredAt(), "public_jwk", jwk);
    }

    static Map<String, Object> stats(StatsService.Stats s) {
        return map("users", map("total", s.users().total(), "anonymous", s.users().anonymous(), "linked", s.users().linked(),
                        "disabled", s.users().disabled()),
                "hours", s.hours().stream().map(h -> map("hour", h.hour(), "guest_signups", h.guestSignups(),
                        "conversions", h.conversions(), "merges", h.merges(),
                        "conversions_by_provider", h.conversionsByProvider(), "swept", h.swept(), "deleted", h.deleted())).toList(),
                "conversions", s.conversions().stream().map(c -> map("provider", c.provider(), "linked", c.linked(),
                        "merged", c.merged(), "total", c.total())).toList(),
                "sweeps", map("swept_total", s.sweptTotal(), "last_swept_at", s.lastSweptAt()));
    }

    static Map<String, Object> event(UserEvent e) {
        return map("id", e.deliveryId(), "type", e.type(), "user_id", e.userId(), "detail", e.detail(),
                "into_user_id", e.intoUserId(), "conversion", e.conversion(),
                "created_at", e.createdAt(), "state", e.state(), "attempts", e.attempts(), "last_error", e.lastError());
    }

    /** The app's webhook and how its deliveries fail: the error of the newest failed event is the webhook's latest. */
    static Map<String, Object> webhook(AppSettings settings, FailingDeliveries failing) {
        UserEvent e = failing.newest();
        return map("webhook_url", settings.webhookUrl(), "failing", failing.count(),
                "last_error", e == null ? null : e.lastError(), "last_error_event", e == null ? null : e.deliveryId(),
                "attempts", e == null ? null : e.attempts(), "next_attempt_at", e == null ? null : e.nextAttemptAt());
    }

    /** An ordered map from alternating keys and values; instants become ISO-8601 text. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Instant t ? t.toString() : v);
        }
        return m;
    }

    static List<Map<String, Object>> apps(List<App> apps) {
        return apps.stream().map(AdminViews::app).toList();
    }
}
