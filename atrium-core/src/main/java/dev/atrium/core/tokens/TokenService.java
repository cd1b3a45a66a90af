package dev.atrium.core.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.Secrets;
import dev.atrium.core.users.User;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Issues and verifies Atrium's JWTs (docs/client-api.md, Tokens). Both token kinds are signed with the
 * app's key, carry integer {@code iat}/{@code exp} (core parses both strictly), {@code iss} =
 * the app's issuer URL and {@code aud} = the app id, which is how user-scoped routes (no app in
 * the path) find their app. Access tokens carry the app's active key's algorithm, ES256 for a
 * new app or EdDSA (public, JWKS); refresh tokens HS256 with a secret derived from the same key (see {@link KeyRing}). Each
 * kind accepts only its algorithms, and each kid only its key's: {@code alg: none} and every other
 * algorithm are refused before any key is looked up.
 */
public final class TokenService {
    /** How far in the future a token's {@code iat} or {@code nbf} may be: clocks of nodes differ a little. */
    public static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(60);

    private final KeyRing keys;
    private final AppDirectory apps;
    private final Clock clock;
    private final java.util.function.Supplier<String> publicUrl;

    /** A refresh token and what the session stores of it. */
    public record IssuedRefresh(String token, String hash, Instant expiresAt) {}

    public TokenService(KeyRing keys, AppDirectory apps, Clock clock, java.util.function.Supplier<String> publicUrl) {
        this.keys = keys;
        this.apps = apps;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    /** The app's issuer, {@code <public url>/api/client/v2.0/app/<id>}; its discovery document hangs below it. */
    public String issuer(String appId) {
        return publicUrl.get() + "/api/client/v2.0/app/" + appId;
    }

    /** A new access token for the user's session: {@code is_anonymous}, {@code amr}, {@code baas_device_id}. */
    public String issueAccess(App app, User user, String sessionId, String deviceId, Instant now) {
        JWTClaimsSet.Builder claims = base(app, user.id(), TokenKind.ACCESS, now, now.plus(app.settings().accessTokenLifetime()))
                .claim("sid", sessionId)
                .claim("baas_device_id", deviceId)
                .claim("is_anonymous", user.isAnonymous())
                .claim("amr", user.providerTypes());
        if (!user.customData().isEmpty()) {
            claims.claim("user_data", user.customData());
        }
        return sign(app.id(), claims.build(), TokenKind.ACCESS);
    }

    /**
     * A new refresh token for session {@code sessionId}. A random {@code jti} makes the hash
     * unguessable even to someone holding the signing key.
     */
    public IssuedRefresh issueRefresh(App app, String userId, String sessionId, Instant now) {
        Instant exp = now.plus(app.settings().refreshTokenLifetime());
        JWTClaimsSet claims = base(app, userId, TokenKind.REFRESH, now, exp)
                .claim("sid", sessionId)
                .jwtID(Secrets.random(16))
                .build();
        String token = sign(app.id(), claims, TokenKind.REFRESH);
        return new IssuedRefresh(token, Secrets.hash(token), exp);
    }

    /** Verifies an access token; InvalidSession for anything but a valid, unexpired access token. */
    public AccessClaims verifyAccess(String token) {
        JWTClaimsSet c = verify(token, TokenKind.ACCESS);
        return new AccessClaims(c.getAudience().get(0), c.getSubject(), str(c, "sid"), str(c, "baas_device_id"));
    }

    /** Verifies a refresh token's signature and lifetime; the caller checks the session still exists. */
    public RefreshClaims verifyRefresh(String token) {
        JWTClaimsSet c = verify(token, TokenKind.REFRESH);
        String sid = str(c, "sid");
        if (sid == null) {
            throw invalid("refresh token has no session");
        }
        return new RefreshClaims(c.getAudience().get(0), c.getSubject(), sid);
    }

    private JWTClaimsSet.Builder base(App app, String subject, TokenKind kind, Instant iat, Instant exp) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer(app.id()))
                .audience(app.id())
                .subject(subject)
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(exp))
                .claim("typ", kind.typ());
    }

    /** Signs with the app's active key: its own algorithm for an access token, HS256 for a refresh token. */
    private String sign(String appId, JWTClaimsSet claims, TokenKind kind) {
        KeyRing.AppKeys k = keys.forApp(appId);
        KeyMaterial key = k.active();
        boolean access = kind == TokenKind.ACCESS;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(access ? key.alg() : JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT).keyID(k.activeKid()).build(), claims);
        try {
            jwt.sign(access ? key.signer() : key.refreshSigner());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed for app " + appId, e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet verify(String token, TokenKind expected) {
        if (token == null || token.isEmpty()) {
            throw invalid("missing token");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("malformed token");
        }
        boolean access = expected == TokenKind.ACCESS;
        // Each kid's verifier accepts only its key's algorithm, so a token cannot pick another one.
        boolean algOk = access ? KeyRing.ALGORITHMS.contains(jwt.getHeader().getAlgorithm())
                : JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm());
        if (!algOk || jwt.getHeader().getKeyID() == null) {
            throw invalid(tokenKindMismatch(claims.getClaim("typ"), expected));
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.size() != 1) {
            throw invalid("token has no app");
        }
        String appId = aud.get(0);
        try {
            apps.requireApp(appId);
        } catch (AuthException e) {
            throw invalid("token of an unknown app");
        }
        JWSVerifier verifier = access ? keys.verifier(appId, jwt.getHeader().getKeyID())
                : keys.refreshVerifier(appId, jwt.getHeader().getKeyID());
        try {
            if (verifier == null || !jwt.verify(verifier)) {
                throw invalid("signature invalid");
            }
        } catch (JOSEException e) {
            throw invalid("signature invalid");
        }
        // iss is not compared: the app's own key already binds the token to the app, and a changed
        // public URL must not log out every guest (a guest's session is its only credential).
        if (claims.getSubject() == null || claims.getIssueTime() == null) {
            throw invalid("token lacks sub or iat");
        }
        if (TokenKind.ofTyp(claims.getClaim("typ")) != expected) {
            throw invalid(expected.required());
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(clock.instant())) {
            throw invalid(expected.typ() + " token expired");
        }
        requireIssuedAlready(claims);
        return claims;
    }

    /**
     * A token issued (or valid from) in the future is not ours at this time: refused beyond
     * {@link #CLOCK_SKEW}, which covers nodes whose clocks disagree a little.
     */
    private void requireIssuedAlready(JWTClaimsSet claims) {
        Instant latest = clock.instant().plus(CLOCK_SKEW);
        if (claims.getIssueTime().toInstant().isAfter(latest)) {
            throw invalid("token issued in the future");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(latest)) {
            throw invalid("token not valid yet");
        }
    }

    /** Why a token of the wrong algorithm is refused: the other kind of ours, or not ours at all. */
    private static String tokenKindMismatch(Object typ, TokenKind expected) {
        if (TokenKind.ofTyp(typ) != null) {
            return expected.required();
        }
        return "token not signed by this server";
    }

    private static String str(JWTClaimsSet c, String name) {
        Object v = c.getClaim(name);
        return v instanceof String s ? s : null;
    }

    private static AuthException invalid(String why) {
        return new AuthException(ErrorCode.InvalidSession, "invalid session: " + why);
    }
}
