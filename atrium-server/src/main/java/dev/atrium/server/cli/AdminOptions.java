package dev.atrium.server.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the admin API is and how to authenticate to it. The URL is {@code --url} or
 * {@code ATRIUM_URL}; the token is {@code --token}, {@code --token-file}, {@code ATRIUM_ADMIN_TOKEN},
 * else {@code <data-dir>/admin-token} when it exists. The token is never printed, not even in errors.
 */
public final class AdminOptions {
    static final String URL_ENV = "ATRIUM_URL";
    static final String TOKEN_ENV = "ATRIUM_ADMIN_TOKEN";

    @Option(names = "--url", paramLabel = "URL", description = "base URL of a running server, e.g. http://127.0.0.1:9090 (env ATRIUM_URL)")
    String url;
    @Option(names = "--token", paramLabel = "TOKEN", description = "admin token (env ATRIUM_ADMIN_TOKEN; prefer it or --token-file)")
    String token;
    @Option(names = "--token-file", paramLabel = "FILE", description = "file holding the admin token (default <data-dir>/admin-token)")
    Path tokenFile;
    @Option(names = "--json", description = "print the admin API's JSON, pretty-printed")
    boolean json;

    /** The server URL from the flag or the environment, or null when neither is given. */
    String url() {
        String u = url != null ? url : System.getenv(URL_ENV);
        return u == null || u.isBlank() ? null : u.strip();
    }

    /** A client of the API, or null when no URL is given (then the command works on the store; --json is refused). */
    AdminClient remoteOrNull(String dataDir) {
        if (url() == null) {
            if (json) {
                throw new AtriumCommand.CommandFailure("--json needs --url or " + URL_ENV + " (the admin API of a running server)");
            }
            return null;
        }
        return client(dataDir);
    }

    /** A client of the API; fails when no URL is given. */
    AdminClient client(String dataDir) {
        String u = url();
        if (u == null) {
            throw new AtriumCommand.CommandFailure("no server URL: pass --url http://HOST:PORT or set " + URL_ENV);
        }
        URI base;
        try {
            base = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base == null || base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new AtriumCommand.CommandFailure("--url must be an http(s) URL such as http://127.0.0.1:9090, got '" + u + "'");
        }
        return new AdminClient(base, token(dataDir));
    }

    private String token(String dataDir) {
        if (token != null && tokenFile != null) {
            throw new AtriumCommand.CommandFailure("give --token or --token-file, not both");
        }
        if (token != null) {
            return check(token, "--token");
        }
        if (tokenFile != null) {
            return check(read(tokenFile), "--token-file " + tokenFile);
        }
        String env = System.getenv(TOKEN_ENV);
        if (env != null && !env.isBlank()) {
            return check(env, TOKEN_ENV);
        }
        Path file = dataDir(dataDir).resolve("admin-token");
        if (Files.isRegularFile(file)) {
            return check(read(file), file.toString());
        }
        throw new AtriumCommand.CommandFailure("no admin token: pass --token-file FILE or --token, or set " + TOKEN_ENV
                + " (" + file + " does not exist)");
    }

    /** {@code --data-dir}, else {@code ATRIUM_DATA_DIR}, else {@code ./atrium-data}. */
    static Path dataDir(String flag) {
        String d = flag != null ? flag : System.getenv("ATRIUM_DATA_DIR");
        return Path.of(d == null || d.isBlank() ? "./atrium-data" : d).toAbsolutePath().normalize();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AtriumCommand.CommandFailure("cannot read the admin token file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /** The trimmed token; a token with spaces or control characters is refused without showing it. */
    private static String check(String raw, String source) {
        String t = raw.strip();
        if (t.isEmpty() || !t.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new AtriumCommand.CommandFailure("the admin token from " + source + " is empty or not one printable word");
        }
        return t;
    }
}
