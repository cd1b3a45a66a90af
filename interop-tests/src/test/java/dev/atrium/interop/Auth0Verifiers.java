package dev.atrium.interop;

import com.auth0.jwk.JwkException;
import com.auth0.jwk.JwkProvider;
import com.auth0.jwk.JwkProviderBuilder;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.concurrent.TimeUnit;

/**
 * Auth0 java-jwt + jwks-rsa for an Atrium app, as docs/verifying-tokens.md gives it: jwks-rsa
 * fetches (and caches) the JWKS and finds the key of the token's {@code kid}; java-jwt checks the
 * ES256 signature, {@code iss}, {@code aud} and {@code exp}. java-jwt has RSA, ECDSA and HMAC
 * algorithms only, and jwks-rsa turns RSA and EC keys only into public keys (OKP: "not supported"):
 * no EdDSA.
 */
final class Auth0Verifiers {
    private Auth0Verifiers() {}

    static JWTVerifier es256(String jwksUri, String issuer, String audience) throws MalformedURLException {
        JwkProvider jwks = new JwkProviderBuilder(URI.create(jwksUri).toURL())
                .cached(10, 24, TimeUnit.HOURS)
                .rateLimited(10, 1, TimeUnit.MINUTES)
                .build();
        ECDSAKeyProvider keys = new ECDSAKeyProvider() {
            @Override
            public ECPublicKey getPublicKeyById(String kid) {
                try {
                    return (ECPublicKey) jwks.get(kid).getPublicKey();
                } catch (JwkException e) {
                    return null; // java-jwt then refuses the signature
                }
            }

            @Override
            public ECPrivateKey getPrivateKey() {
                return null; // verification only
            }

            @Override
            public String getPrivateKeyId() {
                return null;
            }
        };
        JWTVerifier verifier = JWT.require(Algorithm.ECDSA256(keys))
                .withIssuer(issuer)
                .withAudience(audience)
                .build();
        return verifier;
    }
}
