package dev.atrium.core.auth.passkey;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.RequestFields;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a passkey registration: the credential {@code navigator.credentials.create} returned,
 * as its {@code toJSON()} writes it ({@code response.clientDataJSON}, {@code attestationObject},
 * {@code transports}), and an optional {@code name} to list it by.
 */
public record PasskeyAttestation(byte[] credentialId, byte[] clientDataJson, byte[] attestationObject,
                                 List<String> transports, String name) {
    /** What a passkey is called when the registration names none. */
    static final String DEFAULT_NAME = "Passkey";
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,64}");

    /** Reads the body; MissingParameter or InvalidParameter naming the field. */
    public static PasskeyAttestation read(RequestFields body) {
        Base64Fields response = Base64Fields.response(body);
        Object name = body.value("name");
        if (name != null && !(name instanceof String s && NAME.matcher(s).matches())) {
            throw new AuthException(ErrorCode.InvalidParameter, "name must be 1..64 characters, none a control character");
        }
        return new PasskeyAttestation(Base64Fields.credentialId(body), response.required("clientDataJSON"),
                response.required("attestationObject"), response.transports(), name == null ? DEFAULT_NAME : (String) name);
    }

    @Override
    public String toString() {
        return "PasskeyAttestation[name=" + name + ", transports=" + transports + "]";
    }
}
