package dev.atrium.core.auth.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WebAuthn checks of both ceremonies, by webauthn4j (WebAuthn §7.1 registration, §7.2
 * authentication): the client data's type, challenge and origin, the relying party id's hash, user
 * presence and user verification (both required), the algorithm, the signature and the signature
 * counter. Attestation is {@code none}: Atrium asks for none and trusts no authenticator maker, so
 * it accepts any format without checking its certificate chain (webauthn4j's non-strict manager).
 * A refusal is a {@link PasskeyRefusal} whose text is safe for an anonymous caller.
 */
final class WebAuthnChecks {
    /** The algorithms offered, most preferred first: ES256, EdDSA, RS256 (WebAuthn §5.4, pubKeyCredParams). */
    static final List<Long> ALGORITHMS = List.of(-7L, -8L, -257L);
    private static final List<PublicKeyCredentialParameters> OFFERED = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /**
     * webauthn4j's manager and converters, made on the first passkey ceremony rather than at the
     * server's start (the holder class is initialised on first use): their JSON and CBOR mappers
     * load Jackson 3 and webauthn4j, start-up time that most apps, which use no passkey, never need.
     */
    private static final class Engine {
        static final ObjectConverter CONVERTER = new ObjectConverter();
        static final WebAuthnManager MANAGER = WebAuthnManager.createNonStrictWebAuthnManager(CONVERTER);
        static final CollectedClientDataConverter CLIENT_DATA = new CollectedClientDataConverter(CONVERTER);
        static final AttestedCredentialDataConverter ATTESTED = new AttestedCredentialDataConverter(CONVERTER);

        private Engine() {}
    }

    /** A registration that passed: what the passkey's record keeps. */
    record Registered(String credentialId, String credentialData, String aaguid, long signCount, boolean backupEligible,
                      boolean backedUp) {}

    /** An assertion that passed: the counter and backup state it carried. */
    record Asserted(long signCount, boolean backedUp) {}

    /** The challenge {@code clientDataJSON} carries, base64url, to find it by; a refusal when it is no client data. */
    String challengeOf(byte[] clientDataJson) {
        try {
            var data = Engine.CLIENT_DATA.convert(clientDataJson);
            var challenge = data == null ? null : data.getChallenge();
            if (challenge == null) {
                throw PasskeyRefusal.of(PasskeyRefusal.Reason.MALFORMED);
            }
            return B64URL.encodeToString(challenge.getValue());
        } catch (WebAuthnException | IllegalArgumentException e) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.MALFORMED);
        }
    }

    /** Checks a registration answering {@code challenge} (base64url). */
    Registered registration(PasskeySettings settings, String challenge, PasskeyAttestation a) {
        RegistrationRequest request = new RegistrationRequest(a.attestationObject(), a.clientDataJson(), null,
                Set.copyOf(a.transports()));
        RegistrationData data;
        try {
            data = Engine.MANAGER.verify(request, new RegistrationParameters(server(settings, challenge), OFFERED, true, true));
        } catch (WebAuthnException | IllegalArgumentException e) {
            throw PasskeyRefusal.from(e);
        }
        AuthenticatorData<?> authData = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authData.getAttestedCredentialData();
        if (credential == null) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.MALFORMED);
        }
        if (!Arrays.equals(credential.getCredentialId(), a.credentialId())) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.CREDENTIAL_ID_MISMATCH);
        }
        return new Registered(B64URL.encodeToString(credential.getCredentialId()),
                B64URL.encodeToString(Engine.ATTESTED.convert(credential)), String.valueOf(credential.getAaguid().getValue()),
                authData.getSignCount(), authData.isFlagBE(), authData.isFlagBS());
    }

    /** Checks an assertion of {@code stored} answering {@code challenge} (base64url), for the user whose handle it must name. */
    Asserted assertion(PasskeySettings settings, String challenge, PasskeyCredential stored, byte[] userHandle,
                       PasskeyAssertion a) {
        if (a.userHandle() == null) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.NO_USER_HANDLE);
        }
        if (!Arrays.equals(a.userHandle(), userHandle)) {
            throw PasskeyRefusal.of(PasskeyRefusal.Reason.UNKNOWN_CREDENTIAL);
        }
        AuthenticationRequest request = new AuthenticationRequest(a.credentialId(), a.userHandle(), a.authenticatorData(),
                a.clientDataJson(), null, a.signature());
        AttestedCredentialData data = Engine.ATTESTED.convert(Base64.getUrlDecoder().decode(stored.credentialData())); // ours, written at registration
        var record = new CredentialRecordImpl(new NoneAttestationStatement(), true, stored.backupEligible(), stored.backedUp(),
                stored.signCount(), data, null, null, null,
                stored.transports().stream().map(AuthenticatorTransport::create).collect(Collectors.toSet()));
        AuthenticationData verified;
        try {
            verified = Engine.MANAGER.verify(request, new AuthenticationParameters(server(settings, challenge), record,
                    List.of(a.credentialId()), true, true));
        } catch (WebAuthnException | IllegalArgumentException e) {
            throw PasskeyRefusal.from(e);
        }
        return new Asserted(verified.getAuthenticatorData().getSignCount(), verified.getAuthenticatorData().isFlagBS());
    }

    private static ServerProperty server(PasskeySettings settings, String challenge) {
        return ServerProperty.builder()
                .origins(settings.origins().stream().map(Origin::create).collect(Collectors.toSet()))
                .rpId(settings.rpId())
                .challenge(new DefaultChallenge(challenge))
                .build();
    }
}
