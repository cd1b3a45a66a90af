package dev.atrium.server.logs;

/**
 * The fields of the request a thread is serving, for the log records it writes meanwhile. Set by
 * the web layer only when a log needs them (JSON format or the access log): otherwise no request
 * pays for it. Requests run one per (virtual) thread, so a thread-local is the request's scope.
 */
public final class RequestLog {
    private static final ThreadLocal<RequestLog> CURRENT = new ThreadLocal<>();

    private final String requestId;
    private final long startNanos;
    private volatile String appId;
    private volatile String route;
    private volatile int status;
    private volatile long durationNanos = -1;

    private RequestLog(String requestId, long startNanos) {
        this.requestId = requestId;
        this.startNanos = startNanos;
    }

    /** Starts the fields of a request on this thread; {@link #end} removes them. */
    public static RequestLog begin(String requestId, long startNanos) {
        RequestLog log = new RequestLog(requestId, startNanos);
        CURRENT.set(log);
        return log;
    }

    /** The request this thread serves, or null (a background thread, or no log needs it). */
    public static RequestLog current() {
        return CURRENT.get();
    }

    /** Records the app the request turned out to be for (from its path or its token), if a log needs it. */
    public static void app(String appId) {
        RequestLog log = CURRENT.get();
        if (log != null) {
            log.appId = appId;
        }
    }

    /** Records the answer's status (the error writer knows it before the response is sent). */
    public static void answered(String route, int status) {
        RequestLog log = CURRENT.get();
        if (log != null) {
            log.route = route;
            log.status = status;
        }
    }

    /** The request is answered: its route, status and duration are final. */
    public void finish(String route, int status, long endNanos) {
        this.route = route;
        this.status = status;
        this.durationNanos = endNanos - startNanos;
    }

    /** Removes the fields from this thread. */
    public void end() {
        CURRENT.remove();
    }

    public String requestId() {
        return requestId;
    }

    public String appId() {
        return appId;
    }

    public String route() {
        return route;
    }

    /** 0 until known. */
    public int status() {
        return status;
    }

    /** -1 until the request is answered. */
    public long durationNanos() {
        return durationNanos;
    }
}
