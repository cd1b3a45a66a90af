package dev.atrium.core.idp;

import dev.atrium.core.kernel.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP calls to an identity provider (Google's token endpoint, the Graph API). Core makes no
 * connection itself: the server implements this with its outbound client, so each call has the
 * same limits as every other outbound call (answer cap, one deadline, no redirects, http(s) only,
 * the destination policy).
 */
public interface IdpHttp {

    /** GETs {@code url} with {@code headers}. */
    Reply get(URI url, Map<String, String> headers) throws IdpUnreachableException;

    /** POSTs {@code form} as {@code application/x-www-form-urlencoded}. */
    Reply postForm(URI url, Map<String, String> form) throws IdpUnreachableException;

    /** A complete answer: any status (a 3xx is not followed) and its body. */
    record Reply(int status, byte[] body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The body as a JSON object; IllegalArgumentException when it is empty or anything else. */
        public Map<String, Object> json() {
            String text = new String(body, StandardCharsets.UTF_8);
            try {
                Map<String, Object> object = text.isBlank() ? null : Json.readObject(text);
                if (object != null) {
                    return object;
                }
            } catch (IllegalArgumentException e) {
                // said below: which parse error it was does not matter
            }
            throw new IllegalArgumentException("the answer is not a JSON object (" + body.length + " bytes)");
        }
    }
}
