package dev.atrium.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.users.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Issuing and verifying Atrium's tokens (docs/client-api.md, Tokens), on the in-memory store. */
class TokenServiceTest {
    private final TestWorld world = new TestWorld();
    private final TokenService tokens = world.tokens;
    private final App app = world.app("tokens");
    private final User guest = world.guest(app);

    private String access(User user) {
        return tokens.issueAccess(app, user, "session-1", "device-1", world.clock.instant());
    }

    private static JWTClaimsSet claims(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusedAsInvalidSession(Runnable call, String why) {
        return assertThatThrownBy(call::run).isInstanceOf(AuthException.class)
                .satisfies(e -> assertThat(((AuthException) e).code()).isEqualTo(ErrorCode.InvalidSession))
                .hasMessageContaining(why);
    }

    @Test
    void issueAccessThenVerifyAccessGivesItsAppUserSessionAndDevice() {
        AccessClaims claims = tokens.verifyAccess(access(guest));

        assertThat(claims).isEqualTo(new AccessClaims(app.id(), guest.id(), "session-1", "device-1"));
    }

    @Test
    void issueAccessWhenGuestThenTheClaimsTheSdksAndResourceServersRead() throws Exception {
        JWTClaimsSet c = claims(access(guest));

        assertThat(c.getIssuer()).isEqualTo(TestWorld.PUBLIC_URL + "/api/client/v2.0/app/" + app.id());
        assertThat(c.getAudience()).containsExactly(app.id());
        assertThat(c.getSubject()).isEqualTo(guest.id());
        assertThat(c.getClaim("typ")).isEqualTo("access");
        assertThat(c.getClaim("is_anonymous")).isEqualTo(true);
        assertThat(c.getClaim("amr")).isEqualTo(List.of("anon-user"));
        assertThat(c.getClaim("baas_device_id")).isEqualTo("device-1");
        assertThat(c.getClaim("user_data")).as("no custom data, no claim").isNull();
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void issueAccessWhenLinkedWithCustomDataThenNotAnonymousAndCarriesUserData() throws Exception {
        User linked = world.linked(guest, "local-userpass", "a@b.c", Map.of("email", "a@b.c"));

        JWTClaimsSet c = claims(access(linked));

        assertThat(c.getClaim("is_anonymous")).isEqualTo(false);
        assertThat(c.getClaim("amr")).isEqualTo(List.of("anon-user", "local-userpass"));
        assertThat(c.getJSONObjectClaim("user_data")).isEqualTo(Map.of("plan", "gold"));
    }

    @Test
    void issueWhenAnyKindThenIatAndExpAreWholeSecondsAsCoreRequires() {
        String refresh = tokens.issueRefresh(app, guest.id(), "session-1", world.clock.instant()).token();
        for (String token : List.of(access(guest), refresh)) {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(payload).containsPattern("\"iat\":\\d+[,}]").containsPattern("\"exp\":\\d+[,}]");
        }
    }

    @Test
    void issueRefreshThenVerifyRefreshGivesTheSessionAndTheStoredHashMatches() {
        TokenService.IssuedRefresh issued = tokens.issueRefresh(app, guest.id(), "session-9", world.clock.instant());

        assertThat(tokens.verifyRefresh(issued.token())).isEqualTo(new RefreshClaims(app.id(), guest.id(), "session-9"));
        assertThat(issued.hash()).isEqualTo(dev.atrium.core.kernel.Secrets.hash(issued.token()));
        assertThat(issued.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(60)));
    }

    @Test
    void verifyAccessWhenGivenARefreshTokenThenInvalidSession() {
        String refresh = tokens.issueRefresh(app, guest.id(), "session-1", world.clock.instant()).token();

        refusedAsInvalidSession(() -> tokens.verifyAccess(refresh), "an access token is required");
    }

    @Test
    void verifyRefreshWhenGivenAnAccessTokenThenInvalidSession() {
        String access = access(guest);

        refusedAsInvalidSession(() -> tokens.verifyRefresh(access), "a refresh token is required");
    }

    @Test
    void verifyAccessWhenExpiredThenInvalidSession() {
        String token = access(guest);
        world.clock.advance(Duration.ofMinutes(30));

        refusedAsInvalidSession(() -> tokens.verifyAccess(token), "access token expired");
    }

    @Test
    void verifyAccessWhenIssuedBeyondTheClockSkewInTheFutureThenRefusedWithinItAccepted() {
        world.clock.advance(Duration.ofSeconds(61));
        String farFuture = access(guest);
        world.clock.advance(Duration.ofSeconds(-61));
        refusedAsInvalidSession(() -> tokens.verifyAccess(farFuture), "issued in the future");

        world.clock.advance(Duration.ofSeconds(59));
        String nearFuture = access(guest);
        world.clock.advance(Duration.ofSeconds(-59));
        assertThat(tokens.verifyAccess(nearFuture).userId()).isEqualTo(guest.id());
    }

    @Test
    void verifyAccessWhenThePayloadWasChangedThenSignatureInvalid() {
        String[] parts = access(guest).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(guest.id(), "0123456789abcdef01234567");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        refusedAsInvalidSession(() -> tokens.verifyAccess(forged), "signature invalid");
    }

    @Test
    void verifyAccessWhenAlgNoneThenRefusedBeforeAnyKeyIsLookedUp() {
        String payload = access(guest).split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"kid\":\"x\"}".getBytes(StandardCharsets.UTF_8));

        refusedAsInvalidSession(() -> tokens.verifyAccess(header + "." + payload + "."), "invalid session");
    }

    @Test
    void verifyAccessWhenNotAJwtThenMalformed() {
        refusedAsInvalidSession(() -> tokens.verifyAccess("not.a.jwt"), "malformed token");
        refusedAsInvalidSession(() -> tokens.verifyAccess(""), "missing token");
    }

    @Test
    void verifyAccessWhenTheKeyWasRotatedThenTheOldKeysTokensStillVerifyAndNewOnesUseTheNewKey() throws Exception {
        String before = access(guest);
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        String newKid = world.keys.rotate(app.id(), Duration.ofDays(60), JWSAlgorithm.EdDSA);
        String after = access(guest);

        assertThat(tokens.verifyAccess(before).userId()).isEqualTo(guest.id());
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
        assertThat(SignedJWT.parse(after).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(tokens.verifyAccess(after).userId()).isEqualTo(guest.id());
    }

    @Test
    void verifyAccessWhenTheTokenIsAnotherServersThenInvalidSession() {
        TestWorld elsewhere = new TestWorld();
        App theirs = elsewhere.app("theirs");
        String token = elsewhere.tokens.issueAccess(theirs, elsewhere.guest(theirs), "s", "d", elsewhere.clock.instant());

        refusedAsInvalidSession(() -> tokens.verifyAccess(token), "token of an unknown app");
    }
}
