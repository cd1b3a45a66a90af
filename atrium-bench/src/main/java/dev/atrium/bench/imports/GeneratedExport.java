package dev.atrium.bench.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An App Services export with {@code users} users, written in the formats App Services documents:
 * {@code realm_config.json}, {@code auth/providers.json}, and one user list as its Admin API
 * answers it. The users are a mix an app of guests would have: half guests, three tenths e-mail
 * users, one fifth custom-JWT users with a name; each user object is some 300 bytes, as App
 * Services writes them (pretty-printing aside).
 */
final class GeneratedExport {
    static final String APP_ID = "bench-imprt";

    private GeneratedExport() {}

    /** Writes the export into {@code dir}; returns the users file. */
    static Path write(Path dir, int users) {
        try {
            Files.createDirectories(dir.resolve("export/auth"));
            Files.writeString(dir.resolve("export/realm_config.json"), "{\"app_id\": \"" + APP_ID + "\", "
                    + "\"config_version\": 20210101, \"name\": \"bench\", \"location\": \"US-VA\", \"deployment_model\": \"GLOBAL\"}\n");
            Files.writeString(dir.resolve("export/auth/providers.json"), """
                    {"anon-user": {"name": "anon-user", "type": "anon-user", "disabled": false},
                     "local-userpass": {"name": "local-userpass", "type": "local-userpass", "disabled": false,
                                        "config": {"autoConfirm": true}},
                     "custom-token": {"name": "custom-token", "type": "custom-token", "disabled": false,
                                      "config": {"useJWKURI": true, "jwkURI": "https://id.bench.example/jwks.json"},
                                      "metadata_fields": [{"required": false, "name": "name"}]}}
                    """);
            Path file = dir.resolve("users.json");
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("[\n");
                for (int n = 0; n < users; n++) {
                    w.write(user(n));
                    w.write(n + 1 < users ? ",\n" : "\n");
                }
                w.write("]\n");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export in " + dir, e);
        }
    }

    private static String user(int n) {
        long created = 1_650_000_000L + n;
        String identity = switch (n % 10) {
            case 0, 1, 2, 3, 4 -> "{\"id\": \"" + hex(2, n) + "\", \"provider_type\": \"anon-user\", \"provider_id\": \"" + hex(9, 1) + "\"}";
            case 5, 6, 7 -> "{\"id\": \"" + hex(3, n) + "\", \"provider_type\": \"local-userpass\", \"provider_id\": \"" + hex(9, 2)
                    + "\", \"provider_data\": {\"email\": \"user" + n + "@bench.example\"}}";
            default -> "{\"id\": \"ext-" + n + "\", \"provider_type\": \"custom-token\", \"provider_id\": \"" + hex(9, 3)
                    + "\", \"provider_data\": {\"name\": \"User " + n + "\"}}";
        };
        return "{\"_id\": \"" + hex(1, n) + "\", \"identities\": [" + identity + "], \"type\": \"normal\", "
                + "\"creation_date\": " + created + ", \"last_authentication_date\": " + (created + 86_400)
                + ", \"disabled\": false, \"data\": {}}";
    }

    /** A 24-hex id: a kind digit, then {@code n}. */
    private static String hex(int kind, int n) {
        return String.format("6%d%022x", kind, n);
    }
}
