package dev.atrium.server.outbound;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * Fetches the custom-token provider's JWKS for nimbus ({@code JWKSourceBuilder}) through
 * {@link Outbound}, instead of nimbus's own URLConnection retriever: the same deadline and
 * destination policy as every other call, answers up to {@link AnswerLimit#JWKS}, and a redirect
 * is a failure (URLConnection would follow one to any http(s) URL).
 */
public final class JwksRetriever implements ResourceRetriever {
    private final Outbound outbound;

    public JwksRetriever(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        Outbound.Answer answer = outbound.get(url.toString(), AnswerLimit.JWKS);
        if (!answer.ok()) {
            throw new IOException(url.getHost() + " answered HTTP " + answer.status()
                    + (answer.status() / 100 == 3 ? " (redirects are not followed)" : ""));
        }
        return new Resource(new String(answer.body(), StandardCharsets.UTF_8), answer.contentType());
    }
}
