package dev.atrium.core.idp;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.atrium.core.idp.IdTokenRefusedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/** The claim checks of {@link IdTokenVerifier}, each refusal with its own reason. */
final class IdTokenClaims {
    private IdTokenClaims() {}

    /** Checks issuer, audience, lifetime and subject; returns {@code exp}. */
    static Instant check(JWTClaimsSet c, IdTokenTrust trust, Instant now) throws IdTokenRefusedException {
        if (c.getIssuer() == null || !trust.issuers().contains(c.getIssuer())) {
            throw new IdTokenRefusedException(Reason.WRONG_ISSUER, "iss " + c.getIssuer() + " not in " + trust.issuers());
        }
        List<String> aud = c.getAudience();
        if (aud.stream().noneMatch(trust.audiences()::contains)) {
            throw new IdTokenRefusedException(Reason.WRONG_AUDIENCE, "aud " + aud + " not in " + trust.audiences());
        }
        Date exp = c.getExpirationTime();
        if (exp == null || !now.isBefore(exp.toInstant().plus(trust.clockSkew()))) {
            throw new IdTokenRefusedException(Reason.EXPIRED, "exp " + (exp == null ? "absent" : exp.toInstant()) + ", now " + now);
        }
        for (Date d : new Date[] {c.getIssueTime(), c.getNotBeforeTime()}) {
            if (d != null && d.toInstant().isAfter(now.plus(trust.clockSkew()))) {
                throw new IdTokenRefusedException(Reason.NOT_YET_VALID, "iat/nbf " + d.toInstant() + ", now " + now);
            }
        }
        if (!ExternalIdentity.validSubject(c.getSubject())) {
            throw new IdTokenRefusedException(Reason.NO_SUBJECT, "sub absent, empty, too long or with control characters");
        }
        return exp.toInstant();
    }

    /** Whether the token's nonce is the caller's {@code sent} one, raw or as its SHA-256 in hex. */
    static boolean nonceMatches(String carried, String sent) {
        if (carried == null) {
            return false;
        }
        byte[] c = carried.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(c, sent.getBytes(StandardCharsets.UTF_8))
                || MessageDigest.isEqual(c, sha256Hex(sent).getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
