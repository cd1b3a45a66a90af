package dev.atrium.api;

/** Path prefixes of the client API (docs/client-api.md, URL layout), shared by server routing and the SDK. */
public final class ApiPaths {
    /** Every client route starts here. */
    public static final String CLIENT = "/api/client/v2.0";
    /** App-scoped routes: {@code CLIENT/app/{appId}/…}. */
    public static final String APP = CLIENT + "/app";
    /** User-scoped routes (no app id; the app comes from the bearer token). */
    public static final String AUTH = CLIENT + "/auth";
    /** The anonymous provider's wire name. */
    public static final String ANON_USER = "anon-user";

    private ApiPaths() {}
}
