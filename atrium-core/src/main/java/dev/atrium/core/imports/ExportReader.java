package dev.atrium.core.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.auth.AppServicesProvider;
import dev.atrium.core.kernel.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an App Services app export, the directory {@code appservices pull} (or the older
 * {@code realm-cli export}) writes: the app id and name from {@code realm_config.json} (the
 * legacy format, App Services' "App Configuration" reference), else {@code root_config.json} with
 * {@code .mdb/meta.json}'s {@code client_app_id}; the providers from {@code auth/providers.json}.
 * Every problem is collected with its file and position; any problem fails the whole read.
 */
public final class ExportReader {
    /** An App Services client app id: {@code <name>-<5 characters>}, lower case. */
    private static final Pattern APP_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private final Path dir;
    private final List<ImportProblem> problems = new ArrayList<>();

    private ExportReader(Path dir) {
        this.dir = dir;
    }

    /** The export in {@code dir}; ImportFailedException naming every problem. */
    public static AppServicesExport read(Path dir) {
        return new ExportReader(dir).read();
    }

    private AppServicesExport read() {
        if (!Files.isDirectory(dir)) {
            throw new ImportFailedException(List.of(ImportProblem.ofFile(dir.toString(), "not a directory")));
        }
        JsonNode legacy = object("realm_config.json", false);
        JsonNode root = legacy != null ? legacy : object("root_config.json", false);
        String appId = legacy != null ? text(legacy, "app_id") : null;
        if (appId == null) {
            JsonNode meta = object(".mdb/meta.json", false);
            appId = meta == null ? null : text(meta, "client_app_id");
        }
        if (appId == null) {
            problems.add(ImportProblem.ofFile(dir.toString(), "no app id: realm_config.json has no app_id and "
                    + ".mdb/meta.json no client_app_id"));
        } else if (!APP_ID.matcher(appId).matches()) {
            problems.add(ImportProblem.ofFile(dir.toString(), "app id '" + appId + "' is not an App Services client app id"));
        }
        String name = root == null || text(root, "name") == null ? appId : text(root, "name");
        List<String> origins = new ArrayList<>();
        if (root != null && root.path("allowed_request_origins").isArray()) {
            root.path("allowed_request_origins").forEach(o -> origins.add(o.asText()));
        }
        List<AppServicesProvider> providers = providers(appId);
        if (!problems.isEmpty()) {
            throw new ImportFailedException(problems);
        }
        return new AppServicesExport(appId, name, origins, providers);
    }

    private List<AppServicesProvider> providers(String appId) {
        JsonNode file = object("auth/providers.json", true);
        List<AppServicesProvider> out = new ArrayList<>();
        if (file == null) {
            return out;
        }
        file.properties().forEach(e -> {
            JsonNode p = e.getValue();
            if (!p.isObject()) {
                problems.add(ImportProblem.ofFile(path("auth/providers.json"), e.getKey() + ": not an object"));
                return;
            }
            String type = text(p, "type") != null ? text(p, "type") : e.getKey();
            out.add(new AppServicesProvider(appId, type, p.path("disabled").asBoolean(false), map(p.get("config")),
                    map(p.get("secret_config")), list(p.get("metadata_fields")), strings(p.get("redirect_uris")),
                    strings(p.get("domain_restrictions"))));
        });
        return out;
    }

    /** The JSON object in {@code name}; null (with a problem when {@code required}) when absent or unusable. */
    private JsonNode object(String name, boolean required) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            if (required) {
                problems.add(ImportProblem.ofFile(file.toString(), "missing"));
            }
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                problems.add(ImportProblem.ofFile(file.toString(), "not a JSON object"));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.add(new ImportProblem(file.toString(), at == null ? 0 : at.getLineNr(), at == null ? 0
                    : at.getColumnNr(), 0, "malformed JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(ImportProblem.ofFile(file.toString(), "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Map<String, Object> map(JsonNode n) {
        return n != null && n.isObject() ? Json.MAPPER.convertValue(n, Json.MAP_TYPE) : Map.of();
    }

    private static List<Map<String, Object>> list(JsonNode n) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(map(x)));
        }
        return out;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }
}
