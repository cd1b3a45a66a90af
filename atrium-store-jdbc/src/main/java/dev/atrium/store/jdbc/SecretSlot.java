package dev.atrium.store.jdbc;

import java.nio.charset.StandardCharsets;

/**
 * Where a secret lives in the store; its text is the associated data of the secret's encryption, so
 * a ciphertext opens only in its own slot: copied into another app's row, another key's row or
 * another field, it fails to decrypt instead of lending its secret there.
 *
 * @param table {@link #SIGNING_KEYS}, {@link #APP_SETTINGS} or {@link #PROVIDER_CONFIG}
 * @param appId the app the row belongs to
 * @param name the signing key's kid, the setting's path ({@code webhook_secret}), or the provider's
 *     type and the config path ({@code local-userpass/smtp.password})
 */
record SecretSlot(String table, String appId, String name) {
    static final String SIGNING_KEYS = "signing_keys";
    static final String APP_SETTINGS = "apps.settings";
    static final String PROVIDER_CONFIG = "providers.config";
    static final String SERVER_STATE = "server_state";

    static SecretSlot signingKey(String appId, String kid) {
        return new SecretSlot(SIGNING_KEYS, appId, kid);
    }

    static SecretSlot setting(String appId, String path) {
        return new SecretSlot(APP_SETTINGS, appId, path);
    }

    static SecretSlot provider(String appId, String type, String path) {
        return new SecretSlot(PROVIDER_CONFIG, appId, type + "/" + path);
    }

    /** The master-key check value of {@code server_state}. */
    static SecretSlot check() {
        return new SecretSlot(SERVER_STATE, "", "master_key_check");
    }

    byte[] associatedData() {
        return ("atrium\0" + table + "\0" + appId + "\0" + name).getBytes(StandardCharsets.UTF_8);
    }

    /** For messages: which row, never the secret. */
    String describe() {
        return switch (table) {
            case SIGNING_KEYS -> "private part of signing key " + name + " of app " + appId;
            case APP_SETTINGS -> "setting " + name + " of app " + appId;
            case PROVIDER_CONFIG -> "config " + name.substring(name.indexOf('/') + 1) + " of provider "
                    + name.substring(0, name.indexOf('/')) + " of app " + appId;
            default -> "master key check value";
        };
    }
}
