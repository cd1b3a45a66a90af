package dev.atrium.core.tokens;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;

/**
 * The JCA provider of ES256 (P-256 ECDSA) signatures: Amazon Corretto Crypto Provider (ACCP,
 * AWS-LC's native code, Apache-2.0, kept by AWS) where its native library loads and passes its
 * self-test, else the JDK's own SunEC. ES256 is the default access-token algorithm, signed on
 * every login and refresh and verified on every profile call; ACCP signs and verifies about four
 * to five times as fast as SunEC on the bench machine (docs/performance.md), so ES256 costs no
 * more than EdDSA did. Both produce standard signatures: either verifies the other's (tested).
 */
public final class EcdsaProvider {
    private static final Provider PROVIDER = load();

    private EcdsaProvider() {}

    private static Provider load() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                return null;
            }
            accp.assertHealthy();
            return accp;
        } catch (LinkageError | RuntimeException unavailable) {
            return null; // no native library for this platform (the jar ships linux-x86_64): SunEC
        }
    }

    /** The provider in use, or null for the JDK's default (SunEC). */
    public static Provider provider() {
        return PROVIDER;
    }

    /** The provider's name, for logs and the bench report: ACCP's, or "SunEC". */
    public static String name() {
        return PROVIDER == null ? "SunEC" : PROVIDER.getName();
    }

    /**
     * An ES256 signer of {@code key} on the provider, the private key already in the provider's own
     * form: handed the JDK's key, ACCP converts it (PKCS#8 encoding into an AWS-LC key, then frees
     * it) on every signature, 30 % of signing's samples in a refresh profile (docs/performance.md).
     */
    public static ECDSASigner signer(ECKey key) throws JOSEException {
        if (PROVIDER == null) {
            return new ECDSASigner(key);
        }
        try {
            Key own = KeyFactory.getInstance("EC", PROVIDER).translateKey(key.toECPrivateKey());
            return use(new ECDSASigner((PrivateKey) own, key.getCurve()));
        } catch (GeneralSecurityException e) {
            throw new JOSEException("the provider does not take this P-256 key: " + e.getMessage(), e);
        }
    }

    /** An ES256 verifier of {@code key}'s public half on the provider, in its own form (as {@link #signer}). */
    public static ECDSAVerifier verifier(ECKey key) throws JOSEException {
        if (PROVIDER == null) {
            return new ECDSAVerifier(key.toPublicJWK());
        }
        try {
            Key own = KeyFactory.getInstance("EC", PROVIDER).translateKey(key.toECPublicKey());
            return use(new ECDSAVerifier((ECPublicKey) own));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new JOSEException("the provider does not take this P-256 key: " + e.getMessage(), e);
        }
    }

    /** {@code signer} set to sign with the provider. */
    public static ECDSASigner use(ECDSASigner signer) {
        if (PROVIDER != null) {
            signer.getJCAContext().setProvider(PROVIDER);
        }
        return signer;
    }

    /** {@code verifier} set to verify with the provider. */
    public static ECDSAVerifier use(ECDSAVerifier verifier) {
        if (PROVIDER != null) {
            verifier.getJCAContext().setProvider(PROVIDER);
        }
        return verifier;
    }
}
