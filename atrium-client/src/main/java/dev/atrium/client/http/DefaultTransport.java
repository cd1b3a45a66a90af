package dev.atrium.client.http;

/**
 * Chooses the transport of an App built without one. {@code java.net.http} is looked up by name
 * first, so on Android (where it does not exist) {@link JdkHttpTransport} is never loaded.
 */
final class DefaultTransport {
    private DefaultTransport() {}

    static HttpTransport create() {
        return hasJdkClient() ? new JdkHttpTransport() : new UrlConnectionTransport();
    }

    static boolean hasJdkClient() {
        try {
            Class.forName("java.net.http.HttpClient", false, DefaultTransport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
