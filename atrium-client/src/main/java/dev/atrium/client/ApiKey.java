package dev.atrium.client;

/**
 * A user API key.
 *
 * @param id the key's 24-hex id, used by fetch, enable, disable and delete
 * @param name the name given at creation, unique per user
 * @param key the secret for {@link Credentials#apiKey}; only the answer to
 *     {@link ApiKeyAuth#create} carries it, every other answer has null
 * @param enabled whether logins with this key are accepted
 */
public record ApiKey(String id, String name, String key, boolean enabled) {
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", enabled=" + enabled + (key == null ? "" : ", key=***") + "]";
    }
}
