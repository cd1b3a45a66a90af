package dev.atrium.core.auth.apple;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The {@code client_secret} Apple's token endpoint wants from a web client ("Creating a client
 * secret", Sign in with Apple REST API): a JWT signed ES256 with the app's Sign in with Apple key
 * ({@code kid} its key id), {@code iss} the team id, {@code sub} the Services ID, {@code aud}
 * Apple's issuer. Made for each exchange and valid {@link #LIFETIME}: Apple accepts up to six months,
 * but a short one is worth nothing to anyone who sees it later.
 */
final class AppleClientSecret {
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private AppleClientSecret() {}

    /** The signed secret for {@code web}'s client at {@code now}; {@code audience} is Apple's issuer. */
    static String sign(AppleWebSettings web, String audience, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(web.teamId()).subject(web.servicesId()).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(web.keyId()).build(), claims);
        try {
            jwt.sign(new ECDSASigner(privateKey(web.privateKey())));
        } catch (JOSEException e) {
            throw new IllegalStateException("an ES256 signature with a checked P-256 key failed", e);
        }
        return jwt.serialize();
    }

    /**
     * The P-256 private key of a .p8 file (PEM, PKCS #8), as Apple hands it out once;
     * IllegalArgumentException saying what it is not, never echoing the key.
     */
    static ECPrivateKey privateKey(String pem) {
        String text = pem.strip();
        if (!text.startsWith(BEGIN) || !text.endsWith(END)) {
            throw new IllegalArgumentException("must be the .p8 file's text (-----BEGIN PRIVATE KEY----- …)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(BEGIN.length(), text.length() - END.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid base64 between its PEM lines");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("is not an EC private key (PKCS #8)");
        }
        if (!(key instanceof ECPrivateKey ec) || !Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
            throw new IllegalArgumentException("is not a P-256 key (Sign in with Apple keys are)");
        }
        return ec;
    }
}
