package dev.atrium.server.http;

import dev.atrium.core.auth.passkey.CreationOptions;
import dev.atrium.core.auth.passkey.PasskeyCredential;
import dev.atrium.core.auth.passkey.RequestOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of passkeys and of the ceremonies' options. Options follow WebAuthn's JSON forms
 * (PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON: camelCase,
 * binary values base64url) under {@code publicKey}, what {@code navigator.credentials.create} and
 * {@code get} take; a passkey is snake_case like the rest of the API, for the client and admin APIs alike.
 */
public final class PasskeyViews {
    private PasskeyViews() {}

    /** A passkey as its user and the operator see it: never its key. */
    public static Map<String, Object> passkey(PasskeyCredential p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("credential_id", p.credentialId());
        m.put("aaguid", p.aaguid());
        m.put("transports", p.transports());
        m.put("backup_eligible", p.backupEligible());
        m.put("backed_up", p.backedUp());
        m.put("created_at", p.createdAt().toString());
        m.put("last_used_at", text(p.lastUsedAt()));
        return m;
    }

    static Map<String, Object> creation(CreationOptions o) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("rp", Map.of("id", o.rpId(), "name", o.rpName()));
        options.put("user", Map.of("id", o.userHandle(), "name", o.userName(), "displayName", o.userName()));
        options.put("challenge", o.challenge());
        options.put("pubKeyCredParams", o.algorithms().stream().map(alg -> Map.of("type", "public-key", "alg", alg)).toList());
        options.put("timeout", o.timeoutMillis());
        options.put("excludeCredentials", o.exclude().stream().map(PasskeyViews::descriptor).toList());
        options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                "userVerification", "required"));
        options.put("attestation", "none");
        return Map.of("publicKey", options);
    }

    static Map<String, Object> request(RequestOptions o) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("challenge", o.challenge());
        options.put("rpId", o.rpId());
        options.put("timeout", o.timeoutMillis());
        options.put("userVerification", "required");
        options.put("allowCredentials", List.of());
        return Map.of("publicKey", options);
    }

    private static Map<String, Object> descriptor(CreationOptions.Descriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "public-key");
        m.put("id", d.id());
        if (!d.transports().isEmpty()) {
            m.put("transports", d.transports());
        }
        return m;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
