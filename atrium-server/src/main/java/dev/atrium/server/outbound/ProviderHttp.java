package dev.atrium.server.outbound;

import dev.atrium.core.kernel.OutboundHttp;
import java.net.URI;
import java.util.Map;
import org.apache.hc.core5.http.ContentType;

/**
 * The login providers' {@link OutboundHttp}: {@link Outbound} with answers up to
 * {@link AnswerLimit#PROVIDER}; its failures become {@link OutboundHttp.Failure}, whose text (host
 * and reason) is for the log.
 */
public final class ProviderHttp implements OutboundHttp {
    private final Outbound outbound;

    public ProviderHttp(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public Answer get(URI url, Map<String, String> headers) throws Failure {
        try {
            return answer(outbound.get(url.toString(), headers, AnswerLimit.PROVIDER));
        } catch (OutboundException e) {
            throw failure(e);
        }
    }

    @Override
    public Answer post(URI url, Map<String, String> headers, String contentType, byte[] body) throws Failure {
        try {
            return answer(outbound.post(url.toString(), headers, ContentType.parse(contentType), body, AnswerLimit.PROVIDER));
        } catch (OutboundException e) {
            throw failure(e);
        }
    }

    private static Answer answer(Outbound.Answer a) {
        return new Answer(a.status(), a.contentType(), a.body());
    }

    private static Failure failure(OutboundException e) {
        return new Failure(e.failure() + ": " + e.getMessage());
    }
}
