package dev.atrium.core.auth.function;

import dev.atrium.core.idp.IdpHttp;
import dev.atrium.core.idp.IdpUnreachableException;
import java.net.URI;

/**
 * The call to an app's function. Core makes no connection: the server implements this with its
 * outbound client (answer cap, one deadline, no redirects, the destination policy) and signs the
 * body the way it signs every webhook ({@code X-Atrium-Signature}).
 */
public interface FunctionEndpoint {

    /** POSTs {@code payload} (JSON) to {@code url} for app {@code appId}, signed with {@code secret}. */
    IdpHttp.Reply call(URI url, String secret, String appId, byte[] payload) throws IdpUnreachableException;
}
