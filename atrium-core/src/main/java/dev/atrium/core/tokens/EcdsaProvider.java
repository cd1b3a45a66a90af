package dev.atrium.core.tokens;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import java.security.Provider;

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
