package dev.atrium.client.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * The JSON form of a snapshot in {@link FileUserStorage}'s file: a version number first, so a
 * later SDK can migrate old files, then the snapshot in snake_case. Unknown fields are ignored
 * (a newer SDK may add some); an unknown version is refused rather than misread.
 */
final class FileFormat {
    static final int VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** The file's top-level object. */
    record Document(Integer version, String appId, String currentUserId, List<StoredUser> users) {}

    private FileFormat() {}

    static byte[] write(StoredUsers users) {
        try {
            return JSON.writeValueAsBytes(new Document(VERSION, users.appId(), users.currentUserId(), users.users()));
        } catch (IOException e) {
            throw new IllegalStateException("snapshot not serialisable", e);
        }
    }

    /** Parses a file's bytes; IOException for anything that is not a version-1 document. */
    static StoredUsers read(byte[] bytes) throws IOException {
        Document d = JSON.readValue(bytes, Document.class);
        if (d == null || d.version() == null) {
            throw new IOException("not an Atrium user store (no version)");
        }
        if (d.version() != VERSION) {
            throw new IOException("user store version " + d.version() + " is not supported (expected " + VERSION + ")");
        }
        return new StoredUsers(d.appId(), d.currentUserId(), d.users() == null ? List.of() : d.users());
    }
}
