package dev.atrium.core.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;

/**
 * One stored signing key made usable, the only place that knows the key types: its access-token
 * algorithm (EdDSA for an Ed25519 key, ES256 for a P-256 one), signer and verifier, the public JWK
 * to publish, and the refresh-token HS256 signer and verifier keyed by a secret derived from it
 * (SHA-256 of a label and the private scalar: 256 bits that never leave the process).
 */
record KeyMaterial(JWSAlgorithm alg, JWK publicJwk, JWSSigner signer, JWSVerifier verifier,
                   JWSSigner refreshSigner, JWSVerifier refreshVerifier) {

    /** Parses a stored private JWK; ParseException or JOSEException when it is not a key Atrium made. */
    static KeyMaterial of(String privateJwk) throws ParseException, JOSEException {
        JWK jwk = JWK.parse(privateJwk);
        byte[] secret;
        if (jwk instanceof ECKey ec) {
            secret = refreshSecret(ec.getD().decode());
            return new KeyMaterial(JWSAlgorithm.ES256, ec.toPublicJWK(), EcdsaProvider.signer(ec),
                    EcdsaProvider.verifier(ec), new MACSigner(secret), new MACVerifier(secret));
        }
        if (jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            secret = refreshSecret(okp.getDecodedD());
            return new KeyMaterial(JWSAlgorithm.EdDSA, okp.toPublicJWK(), new Ed25519Signer(okp),
                    new Ed25519Verifier(okp.toPublicJWK()), new MACSigner(secret), new MACVerifier(secret));
        }
        throw new ParseException("not an Ed25519 or P-256 private key", 0);
    }

    /** A new private JWK of {@code alg} (EdDSA or ES256) named {@code kid}, as the store keeps it. */
    static String generate(String kid, JWSAlgorithm alg) throws JOSEException {
        JWK jwk = alg.equals(JWSAlgorithm.ES256)
                ? new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate()
                : new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(alg).generate();
        return jwk.toJSONString();
    }

    private static byte[] refreshSecret(byte[] privateScalar) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("atrium-refresh-token-v1".getBytes(StandardCharsets.US_ASCII));
            return sha.digest(privateScalar);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
