package dev.atrium.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A WebAuthn authenticator in software for HTTP-level tests: one ES256 (P-256) discoverable
 * credential, made by {@link #register} from a registration's options and used by {@link #assertion}
 * with a login's, the answers being what a browser would post (WebAuthn §5.1, {@code toJSON()}).
 * The CBOR is webauthn4j's writers'; the signature is the JDK's. What it signs can be made wrong on
 * purpose: another page origin, another relying party id, no user verification, a chosen counter.
 */
public final class SoftAuthenticator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectConverter CBOR = new ObjectConverter();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte BE = 0x08;
    private static final byte BS = 0x10;
    private static final byte AT = 0x40;

    private final KeyPair key;
    private final byte[] credentialId = new byte[16];
    /** The user the passkey is for: set by a registration; random until then. */
    private byte[] userHandle = new byte[12];
    private String origin;
    private String rpId;
    private boolean userVerified = true;
    private long counter;

    /** An authenticator on a page of {@code origin}, for the relying party {@code rpId}. */
    public SoftAuthenticator(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        new SecureRandom().nextBytes(credentialId);
        new SecureRandom().nextBytes(userHandle);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            this.key = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page origin the next answers' client data says. */
    public SoftAuthenticator origin(String value) {
        this.origin = value;
        return this;
    }

    /** The relying party id whose hash the next answers' authenticator data carries. */
    public SoftAuthenticator rpId(String value) {
        this.rpId = value;
        return this;
    }

    /** Whether the next answers say the user was verified (flag UV). */
    public SoftAuthenticator userVerified(boolean value) {
        this.userVerified = value;
        return this;
    }

    /** The signature counter the next assertion carries (it counts up by one by itself). */
    public SoftAuthenticator counter(long value) {
        this.counter = value - 1;
        return this;
    }

    /** The credential id, base64url. */
    public String credentialId() {
        return B64URL.encodeToString(credentialId);
    }

    /** The registration body answering {@code options} (the {@code publicKey} object of the registration options). */
    public ObjectNode register(JsonNode options) {
        userHandle = Base64.getUrlDecoder().decode(options.at("/user/id").asText());
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asText());
        var cose = EC2COSEKey.create((ECPublicKey) key.getPublic(), COSEAlgorithmIdentifier.ES256);
        var attested = new AttestedCredentialData(AAGUID.ZERO, credentialId, cose);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authData =
                new AuthenticatorData<>(rpIdHash(), (byte) (flags() | AT | BE), 0, attested);
        byte[] attestation = new AttestationObjectConverter(CBOR)
                .convertToBytes(new AttestationObject(authData, new NoneAttestationStatement()));
        ObjectNode response = JSON.createObjectNode().put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("attestationObject", B64URL.encodeToString(attestation));
        response.putArray("transports").add("internal");
        return body(response);
    }

    /** The login body answering {@code options} (the {@code publicKey} object of the login options). */
    public ObjectNode assertion(JsonNode options) {
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asText());
        counter++;
        byte[] authData = new AuthenticatorDataConverter(CBOR).convert(
                new AuthenticatorData<>(rpIdHash(), (byte) (flags() | BE | BS), counter));
        ObjectNode response = JSON.createObjectNode().put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("authenticatorData", B64URL.encodeToString(authData))
                .put("signature", B64URL.encodeToString(sign(authData, clientData)))
                .put("userHandle", B64URL.encodeToString(userHandle));
        return body(response);
    }

    private ObjectNode body(ObjectNode response) {
        ObjectNode body = JSON.createObjectNode().put("id", credentialId()).put("rawId", credentialId()).put("type", "public-key");
        body.set("response", response);
        body.putObject("clientExtensionResults");
        return body;
    }

    private byte flags() {
        return (byte) (UP | (userVerified ? UV : 0));
    }

    private byte[] clientData(String type, String challenge) {
        ObjectNode c = JSON.createObjectNode().put("type", type).put("challenge", challenge).put("origin", origin)
                .put("crossOrigin", false);
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] rpIdHash() {
        return sha256(rpId.getBytes(StandardCharsets.UTF_8));
    }

    /** ES256 over authenticatorData ‖ SHA-256(clientDataJSON) (WebAuthn §6.3.3), DER-encoded as WebAuthn sends it. */
    private byte[] sign(byte[] authData, byte[] clientData) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(key.getPrivate());
            s.update(authData);
            s.update(sha256(clientData));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
