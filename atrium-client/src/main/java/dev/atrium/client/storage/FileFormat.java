package dev.atrium.client.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a snapshot in {@link FileUserStorage}'s file: a version number first, so a
 * later SDK can migrate old files, then the snapshot in snake_case. Unknown fields are ignored
 * (a newer SDK may add some); an unknown version is refused rather than misread. Written and read
 * field by field through Jackson's tree model, never by binding the records: on Android before 14
 * records are desugared and Jackson's record support does not see them.
 */
final class FileFormat {
    static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private FileFormat() {}

    static byte[] write(StoredUsers users) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("version", VERSION);
        putIfPresent(doc, "app_id", users.appId());
        putIfPresent(doc, "current_user_id", users.currentUserId());
        ArrayNode list = doc.putArray("users");
        for (StoredUser u : users.users()) {
            ObjectNode user = list.addObject();
            user.put("id", u.id());
            user.put("logged_in", u.loggedIn());
            putIfPresent(user, "access_token", u.accessToken());
            putIfPresent(user, "refresh_token", u.refreshToken());
            putIfPresent(user, "device_id", u.deviceId());
            putIfPresent(user, "login_provider", u.loginProvider());
            ArrayNode identities = user.putArray("identities");
            for (StoredUser.Identity i : u.identities()) {
                ObjectNode identity = identities.addObject();
                putIfPresent(identity, "id", i.id());
                putIfPresent(identity, "provider_type", i.providerType());
            }
            user.set("profile", JSON.valueToTree(u.profile())); // a map of plain values
        }
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new IllegalStateException("snapshot not serialisable", e);
        }
    }

    /** Parses a file's bytes; IOException for anything that is not a version-1 document. */
    static StoredUsers read(byte[] bytes) throws IOException {
        JsonNode doc = JSON.readTree(bytes);
        if (doc == null || !doc.isObject() || !doc.path("version").isIntegralNumber()) {
            throw new IOException("not an Atrium user store (no version)");
        }
        int version = doc.get("version").intValue();
        if (version != VERSION) {
            throw new IOException("user store version " + version + " is not supported (expected " + VERSION + ")");
        }
        List<StoredUser> users = new ArrayList<>();
        for (JsonNode u : doc.path("users")) {
            if (!u.isObject() || text(u, "id") == null) {
                throw new IOException("a stored user has no id");
            }
            List<StoredUser.Identity> identities = new ArrayList<>();
            for (JsonNode i : u.path("identities")) {
                identities.add(new StoredUser.Identity(text(i, "id"), text(i, "provider_type")));
            }
            users.add(new StoredUser(text(u, "id"), u.path("logged_in").asBoolean(false), text(u, "access_token"),
                    text(u, "refresh_token"), text(u, "device_id"), text(u, "login_provider"), identities,
                    u.path("profile").isObject() ? map(u.get("profile")) : Map.of()));
        }
        return new StoredUsers(text(doc, "app_id"), text(doc, "current_user_id"), users);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A profile object as plain values (Jackson's untyped binding: maps, lists, strings, numbers). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode object) {
        return Collections.unmodifiableMap(JSON.convertValue(object, LinkedHashMap.class));
    }
}
