package dev.atrium.core.kernel;

import java.net.URI;
import java.util.Map;

/**
 * The server's outbound HTTP client as the domain sees it (providers calling an identity
 * provider's token endpoint or API): the same limits as every outbound call, so an answer is capped,
 * the whole exchange has a deadline, redirects are not followed (a 3xx is an answer) and only
 * http(s) destinations the operator allows are reached. Implemented at the edge.
 */
public interface OutboundHttp {

    /** An answer of any status, its content type (may be null) and its body. */
    record Answer(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * A call that got no answer: the destination was unreachable or refused by policy, the deadline
     * passed, or the answer was too large. The message names the host and is for the operator's
     * log, never for the caller.
     */
    final class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    /** GETs {@code url} with {@code headers}. */
    Answer get(URI url, Map<String, String> headers) throws Failure;

    /** POSTs {@code body} of {@code contentType} (e.g. {@code application/x-www-form-urlencoded}) with {@code headers}. */
    Answer post(URI url, Map<String, String> headers, String contentType, byte[] body) throws Failure;
}
