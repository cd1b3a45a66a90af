package dev.atrium.core.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes App Services exports and user lists for the tests, in the formats App Services documents
 * (the app configuration reference's {@code realm_config.json} and {@code auth/providers.json}; the
 * Admin API's user objects): written here from those descriptions, not copied from any export.
 */
final class ExportFiles {
    static final String APP_ID = "shop-qwert";

    /** Every provider App Services has, as an app that used them all would configure them. */
    static final String PROVIDERS = """
            {
              "anon-user": {"name": "anon-user", "type": "anon-user", "disabled": false},
              "local-userpass": {"name": "local-userpass", "type": "local-userpass", "disabled": false,
                "config": {"autoConfirm": true, "resetPasswordUrl": "https://shop.example/reset",
                           "resetPasswordSubject": "Your shop password"}},
              "api-key": {"name": "api-key", "type": "api-key", "disabled": false},
              "custom-token": {"name": "custom-token", "type": "custom-token", "disabled": false,
                "config": {"useJWKURI": true, "jwkURI": "https://id.shop.example/jwks.json", "audience": ["shop-api"]},
                "metadata_fields": [{"required": false, "name": "email", "field_name": "email"}]},
              "oauth2-apple": {"name": "oauth2-apple", "type": "oauth2-apple", "disabled": false,
                "config": {"clientId": "com.example.shop"}, "secret_config": {"clientSecret": "appleSecret"}},
              "oauth2-facebook": {"name": "oauth2-facebook", "type": "oauth2-facebook", "disabled": true,
                "config": {"clientId": "1234567890"}, "secret_config": {"clientSecret": "fbSecret"}}
            }
            """;

    private ExportFiles() {}

    /** An export in {@code dir}: realm_config.json with the app id, and {@code providers} as auth/providers.json. */
    static Path export(Path dir, String providers) {
        write(dir.resolve("realm_config.json"), """
                {"app_id": "%s", "config_version": 20210101, "name": "shop", "location": "US-VA",
                 "deployment_model": "GLOBAL", "allowed_request_origins": ["https://shop.example"]}
                """.formatted(APP_ID));
        write(dir.resolve("auth/providers.json"), providers);
        return dir;
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A user object of the Admin API's list, one line; {@code identities} is the JSON array. */
    static String user(String id, String identities) {
        return """
                {"_id": "%s", "identities": %s, "type": "normal", "creation_date": 1700000000, \
                "last_authentication_date": 1710000000, "disabled": false, "data": {}}""".formatted(id, identities);
    }

    static String emailIdentity(String subject, String email) {
        return """
                [{"id": "%s", "provider_type": "local-userpass", "provider_id": "6500000000000000000000aa", \
                "provider_data": {"email": "%s"}}]""".formatted(subject, email);
    }

    static String tokenIdentity(String subject) {
        return """
                [{"id": "%s", "provider_type": "custom-token", "provider_id": "6500000000000000000000bb"}]""".formatted(subject);
    }

    /** A 24-hex id ending in {@code n}. */
    static String id(int n) {
        return "65%022x".formatted(n);
    }
}
