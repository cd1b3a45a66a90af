package dev.atrium.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.auth.apikey.ApiKeyProvider;
import dev.atrium.core.auth.password.UserpassAccount;
import dev.atrium.core.auth.password.UserpassProvider;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user of App Services' Admin API user list ({@code _id}, {@code identities[{id, provider_type,
 * provider_id, provider_data}]}, {@code type}, {@code creation_date} and
 * {@code last_authentication_date} in epoch seconds, {@code disabled}, {@code data}) as the user the
 * import writes, or why it cannot be. The user keeps its id and its identities their subjects and
 * order; {@code data} (the profile, merged from the identities) goes to the identities' provider
 * data, where Atrium's profile is merged from. API-key identities are left out: their keys cannot
 * be exported. A pending e-mail registration (App Services lists those apart, with
 * {@code login_ids}) is recognised and left out: its person registers again.
 */
final class UserRecordMapper {
    private static final int MAX_SUBJECT = 512;
    /** Later than any real date: a value past it is a unit mistake (milliseconds for seconds). */
    private static final long MAX_SECONDS = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();

    sealed interface Mapped permits Valid, Invalid, Pending {}

    record Valid(ImportedUser user, int apiKeyIdentitiesLeftOut) implements Mapped {}

    record Invalid(String message) implements Mapped {}

    record Pending() implements Mapped {}

    private final String appId;
    private final Set<String> installed;

    UserRecordMapper(String appId, Set<String> installedProviderTypes) {
        this.appId = appId;
        this.installed = Set.copyOf(installedProviderTypes);
    }

    Mapped map(JsonNode n) {
        if (n == null || !n.isObject()) {
            return new Invalid("not a JSON object");
        }
        if (n.has("login_ids") && !n.has("identities")) {
            return new Pending();
        }
        try {
            return valid(n);
        } catch (IllegalArgumentException e) {
            return new Invalid(e.getMessage());
        }
    }

    private Valid valid(JsonNode n) {
        String id = id(n.get("_id"));
        if (!ObjectIds.isValid(id)) {
            throw new IllegalArgumentException("_id " + show(n.get("_id")) + " is not a 24-hex ObjectId");
        }
        UserType type = n.has("type") ? type(n.get("type")) : UserType.NORMAL;
        Instant created = seconds(n, "creation_date", null);
        Instant lastActive = seconds(n, "last_authentication_date", created);
        JsonNode disabled = n.get("disabled");
        if (disabled != null && !disabled.isBoolean() && !disabled.isNull()) {
            throw new IllegalArgumentException("disabled must be true or false");
        }
        Map<String, Object> data = object(n, "data");
        Map<String, Object> customData = object(n, "custom_data");
        JsonNode list = n.get("identities");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("identities must be a non-empty array");
        }
        List<Identity> identities = new ArrayList<>();
        Set<String> types = new HashSet<>();
        int apiKeys = 0;
        EmailAccount account = null;
        for (JsonNode i : list) {
            Identity identity = identity(i, created, data);
            if (!types.add(identity.providerType())) {
                throw new IllegalArgumentException("two identities of provider " + identity.providerType());
            }
            if (identity.providerType().equals(ApiKeyProvider.TYPE)) {
                apiKeys++;
                continue;
            }
            if (identity.providerType().equals(UserpassProvider.TYPE)) {
                account = new EmailAccount(identity.subject(), (String) identity.providerData().get("email"));
            }
            identities.add(identity);
        }
        identities = ProfileData.spread(data, identities);
        User user = new User(id, appId, type, disabled != null && disabled.asBoolean(), created, lastActive, customData,
                identities);
        return new Valid(new ImportedUser(user, account), apiKeys);
    }

    private Identity identity(JsonNode i, Instant created, Map<String, Object> data) {
        if (!i.isObject()) {
            throw new IllegalArgumentException("an identity is not a JSON object");
        }
        String type = i.path("provider_type").isTextual() ? i.get("provider_type").asText() : null;
        if (type == null || !installed.contains(type)) {
            throw new IllegalArgumentException("unknown provider type " + show(i.get("provider_type")) + " (known: "
                    + String.join(", ", installed.stream().sorted().toList()) + ")");
        }
        String subject = i.path("id").isTextual() ? i.get("id").asText() : null;
        if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT
                || subject.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(type + " identity id " + show(i.get("id")) + " must be 1.."
                    + MAX_SUBJECT + " characters without control characters");
        }
        Map<String, Object> providerData = new LinkedHashMap<>(object(i, "provider_data"));
        if (type.equals(UserpassProvider.TYPE)) {
            Object raw = providerData.getOrDefault("email", data.get("email"));
            String email = raw instanceof String s ? UserpassAccount.normaliseEmail(s).orElse(null) : null;
            if (email == null) {
                throw new IllegalArgumentException(type + " identity " + subject + " has no usable e-mail "
                        + "(provider_data.email or data.email)");
            }
            providerData.put("email", email);
        }
        return new Identity(type, subject, providerData, created);
    }

    private static String id(JsonNode n) {
        if (n != null && n.isObject() && n.path("$oid").isTextual()) {
            return n.get("$oid").asText(); // Extended JSON, as mongoexport writes ids
        }
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static UserType type(JsonNode n) {
        try {
            return UserType.fromWire(n.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type must be normal or server, not " + show(n));
        }
    }

    private static Instant seconds(JsonNode n, String field, Instant otherwise) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (otherwise == null) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return otherwise;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > MAX_SECONDS) {
            throw new IllegalArgumentException(field + " must be seconds since 1970 (an integer), not " + show(v));
        }
        return Instant.ofEpochSecond(v.asLong());
    }

    private static Map<String, Object> object(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new IllegalArgumentException(field + " must be a JSON object");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        v.properties().forEach(e -> {
            if (!e.getValue().isNull()) { // a null field says nothing, and records refuse nulls
                m.put(e.getKey(), plain(e.getValue()));
            }
        });
        return m;
    }

    /** A JSON value as plain Java values (what the stores write back as JSON); faster than a mapper's conversion. */
    private static Object plain(JsonNode v) {
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>(v.size());
            v.forEach(x -> l.add(plain(x)));
            return l;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isNumber() ? v.numberValue() : null;
    }

    /** A value as the message shows it: JSON, cut short. */
    private static String show(JsonNode v) {
        String s = v == null ? "(missing)" : v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
