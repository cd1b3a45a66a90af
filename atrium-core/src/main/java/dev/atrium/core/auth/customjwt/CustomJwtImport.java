package dev.atrium.core.auth.customjwt;

import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.auth.ImportedSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * App Services' {@code custom-token} configuration (its "Custom JWT Authentication" page:
 * {@code useJWKURI} and {@code jwkURI}, or {@code signingAlgorithm} with up to three signing keys
 * kept as secrets; {@code audience} and {@code requireAnyAudience}; {@code metadata_fields}) as this
 * provider's settings. The identity is the token's {@code sub} on both sides, so a user who logs in
 * with the same token after the import is the same user.
 */
final class CustomJwtImport {
    private CustomJwtImport() {}

    static ImportedSettings map(AppServicesProvider p) {
        ImportedSettings.Builder b = ImportedSettings.builder();
        keys(b, p);
        audience(b, p);
        b.need("issuer", "<the iss your tokens carry>", "App Services never checked iss; Atrium requires it");
        metadata(b, p);
        return b.build();
    }

    private static void keys(ImportedSettings.Builder b, AppServicesProvider p) {
        if (p.flag("useJWKURI")) {
            b.set("jwks_url", p.string("jwkURI")).set("algorithms", List.of("RS256")); // App Services' JWKS must be RS256
            if (p.string("jwkURI") == null) {
                b.need("jwks_url", "<your JWKS URL>", "the export has useJWKURI but no jwkURI");
            }
            return;
        }
        String alg = p.string("signingAlgorithm") == null ? "HS256" : p.string("signingAlgorithm");
        b.set("algorithms", List.of(alg));
        List<String> secrets = p.secretNames("signingKeys");
        String secret = secrets.isEmpty() ? "<your signing key>" : ImportedSettings.secretValue(secrets.getFirst());
        if (alg.equals("RS256")) {
            b.need("public_key_pem", secret, "the export names the key's secret only (RS256: the PEM public key)");
        } else {
            b.need("shared_secret", secret, "exports hold no secrets (HS256: the signing key)");
        }
        if (secrets.size() > 1) {
            b.unmapped("secret_config.signingKeys: Atrium checks one key; " + String.join(", ", secrets.subList(1,
                    secrets.size())) + " were left out (rotate to one key first)");
        }
    }

    private static void audience(ImportedSettings.Builder b, AppServicesProvider p) {
        List<String> audiences = new ArrayList<>();
        Object a = p.config().get("audience");
        if (a instanceof String s && !s.isBlank()) {
            audiences.add(s);
        } else if (a instanceof List<?> l) {
            l.stream().filter(x -> x instanceof String s && !s.isBlank()).forEach(x -> audiences.add((String) x));
        }
        // With no audience configured App Services expected the App ID itself in aud.
        b.set("audience", audiences.isEmpty() ? p.appId() : audiences.getFirst());
        if (audiences.size() > 1) {
            b.unmapped("audience: Atrium checks one audience; " + String.join(", ", audiences.subList(1, audiences.size()))
                    + " " + (p.flag("requireAnyAudience") ? "(any of them was enough)" : "(all were required)")
                    + " were left out");
        }
    }

    /** Top-level claims map one to one; a nested path ({@code user_data.name}) or a required field has no equivalent. */
    private static void metadata(ImportedSettings.Builder b, AppServicesProvider p) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Map<String, Object> field : p.metadataFields()) {
            if (!(field.get("name") instanceof String path) || path.isBlank()) {
                continue;
            }
            String claim = path.replace("\\.", "\u0000");
            if (claim.contains(".")) {
                b.unmapped("metadata_fields " + path + ": Atrium copies top-level claims only");
                continue;
            }
            claim = claim.replace('\u0000', '.');
            String name = field.get("field_name") instanceof String f && !f.isBlank() ? f : claim;
            metadata.put(name, claim);
            if (Boolean.TRUE.equals(field.get("required"))) {
                b.unmapped("metadata_fields " + path + " required: Atrium accepts a token without the claim");
            }
        }
        if (!metadata.isEmpty()) {
            b.set("metadata", metadata);
        }
    }
}
