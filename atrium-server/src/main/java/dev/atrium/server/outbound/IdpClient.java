package dev.atrium.server.outbound;

import dev.atrium.core.idp.IdpHttp;
import dev.atrium.core.idp.IdpUnreachableException;
import java.net.URI;
import java.util.Map;

/**
 * Core's calls to identity providers (Google's token endpoint, the Graph API) through
 * {@link Outbound}: its deadline, destination policy and no redirects, answers up to
 * {@link AnswerLimit#IDENTITY_PROVIDER}. An outbound failure becomes core's
 * {@link IdpUnreachableException}, its reason ({@code TOO_LARGE}, {@code DEADLINE}, …) in the message
 * for the log.
 */
public final class IdpClient implements IdpHttp {
    private final Outbound outbound;

    public IdpClient(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public Reply get(URI url, Map<String, String> headers) throws IdpUnreachableException {
        try {
            return reply(outbound.get(url.toString(), headers, AnswerLimit.IDENTITY_PROVIDER));
        } catch (OutboundException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Reply postForm(URI url, Map<String, String> form) throws IdpUnreachableException {
        try {
            return reply(outbound.postForm(url.toString(), form, AnswerLimit.IDENTITY_PROVIDER));
        } catch (OutboundException e) {
            throw unreachable(e);
        }
    }

    /** Core's reply of an outbound answer (its content type is not needed). */
    static Reply reply(Outbound.Answer answer) {
        return new Reply(answer.status(), answer.body());
    }

    /** Core's exception for an outbound failure, its reason and text kept for the log. */
    public static IdpUnreachableException unreachable(OutboundException e) {
        return new IdpUnreachableException(e.failure() + ": " + e.getMessage());
    }
}
