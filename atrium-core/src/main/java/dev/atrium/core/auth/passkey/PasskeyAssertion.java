package dev.atrium.core.auth.passkey;

import dev.atrium.core.kernel.RequestFields;

/**
 * The body of a passkey login: the assertion {@code navigator.credentials.get} returned, as its
 * {@code toJSON()} writes it ({@code id}/{@code rawId}, {@code response.clientDataJSON},
 * {@code authenticatorData}, {@code signature}, {@code userHandle}). Byte arrays, compared by
 * nobody; never printed.
 */
public record PasskeyAssertion(byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData, byte[] signature,
                               byte[] userHandle) {

    /** Reads the body; MissingParameter or InvalidParameter naming the field. */
    static PasskeyAssertion read(RequestFields body) {
        Base64Fields response = Base64Fields.response(body);
        return new PasskeyAssertion(Base64Fields.credentialId(body), response.required("clientDataJSON"),
                response.required("authenticatorData"), response.required("signature"), response.optional("userHandle"));
    }

    @Override
    public String toString() {
        return "PasskeyAssertion[***]";
    }
}
