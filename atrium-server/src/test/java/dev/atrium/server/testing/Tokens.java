package dev.atrium.server.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.core.store.AtriumStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Token forgery for bad-input tests: re-signed claims, foreign keys, {@code alg: none}. An app's
 * key signs with its own algorithm: ES256 for a P-256 key, EdDSA for an Ed25519 one.
 */
public final class Tokens {
    private Tokens() {}

    /** The claims of a token (unverified). */
    public static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** The kid of a token's header. */
    public static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code claims} signed with the real active key of {@code keyApp} (a genuine signature). */
    public static String signWithAppKey(AtriumStore store, String keyApp, JWTClaimsSet claims) {
        try {
            JWK key = JWK.parse(store.signingKeys().forApp(keyApp).get(0).privateJwk());
            return sign(key, key.getKeyID(), claims);
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code claims} as a refresh token genuinely signed by {@code app}'s key: HS256 with the
     * secret the server derives from it (a test knows the store; an attacker does not).
     */
    public static String signRefreshWithAppKey(AtriumStore store, String app, JWTClaimsSet claims) {
        try {
            JWK key = JWK.parse(store.signingKeys().forApp(app).get(0).privateJwk());
            byte[] privateScalar = key instanceof ECKey ec ? ec.getD().decode() : key.toOctetKeyPair().getDecodedD();
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("atrium-refresh-token-v1".getBytes(StandardCharsets.US_ASCII));
            byte[] secret = sha.digest(privateScalar);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims);
            jwt.sign(new com.nimbusds.jose.crypto.MACSigner(secret));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@code claims} signed with a fresh P-256 key (ES256, what new apps use) that merely claims kid {@code kid}. */
    public static String signWithForeignKey(String kid, JWTClaimsSet claims) {
        try {
            return sign(new ECKeyGenerator(Curve.P_256).keyID(kid).generate(), kid, claims);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** An unsecured JWT ({@code alg: none}) with the given claims and an empty signature. */
    public static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String sign(JWK key, String kid, JWTClaimsSet claims) {
        try {
            boolean ec = key instanceof ECKey;
            JWSSigner signer = ec ? new ECDSASigner((ECKey) key) : new Ed25519Signer(key.toOctetKeyPair());
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA)
                    .type(JOSEObjectType.JWT).keyID(kid).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }
}
