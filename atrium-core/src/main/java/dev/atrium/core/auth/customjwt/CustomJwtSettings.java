package dev.atrium.core.auth.customjwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.atrium.core.kernel.HttpUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code custom-token} provider's configuration: where the app's keys come from (exactly one
 * of {@code jwks_url} (http or https only, see {@link HttpUrls}), {@code public_key_pem},
 * {@code shared_secret}), the required {@code audience}
 * and {@code issuer}, the pinned {@code algorithms}, the allowed {@code clock_skew_s} (0..300,
 * default 60) and {@code metadata}: profile field → claim name, copied into the profile's data.
 */
public record CustomJwtSettings(URI jwksUrl, String publicKeyPem, byte[] sharedSecret, String audience, String issuer,
                                Set<JWSAlgorithm> algorithms, Duration clockSkew, Map<String, String> metadata) {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /** Parses and validates; IllegalArgumentException naming every problem. */
    @SuppressWarnings("unchecked")
    public static CustomJwtSettings from(Map<String, Object> c) {
        List<String> problems = new java.util.ArrayList<>();
        long sources = List.of("jwks_url", "public_key_pem", "shared_secret").stream().filter(c::containsKey).count();
        if (sources != 1) {
            problems.add("exactly one of jwks_url, public_key_pem, shared_secret is required");
        }
        String audience = string(c, "audience", problems);
        String issuer = string(c, "issuer", problems);
        Set<JWSAlgorithm> algorithms = Set.of();
        if (c.get("algorithms") instanceof List<?> list && !list.isEmpty()) {
            algorithms = list.stream().map(a -> JWSAlgorithm.parse(String.valueOf(a))).collect(Collectors.toUnmodifiableSet());
        } else {
            problems.add("algorithms: a non-empty list is required (e.g. [\"RS256\"])");
        }
        long skew = c.get("clock_skew_s") instanceof Number n ? n.longValue() : 60;
        if (skew < 0 || skew > MAX_SKEW.toSeconds()) {
            problems.add("clock_skew_s must be 0..300");
        }
        byte[] secret = c.get("shared_secret") instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        if (secret != null && secret.length < 32) {
            problems.add("shared_secret must be at least 32 bytes (HS256 needs 256 bits)");
        }
        URI jwks = null;
        if (c.get("jwks_url") instanceof String u) {
            try {
                jwks = HttpUrls.parse("jwks_url", u);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        } else if (c.containsKey("jwks_url")) {
            problems.add("jwks_url must be a string");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        if (c.get("metadata") instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((field, claim) -> metadata.put(field, String.valueOf(claim)));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new CustomJwtSettings(jwks, (String) c.get("public_key_pem"), secret, audience, issuer, algorithms,
                Duration.ofSeconds(skew), Map.copyOf(metadata));
    }

    private static String string(Map<String, Object> c, String key, List<String> problems) {
        if (c.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        problems.add(key + " is required");
        return null;
    }
}
