package dev.atrium.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.AppDirectory;
import dev.atrium.core.apps.Apps;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.MovableClock;
import dev.atrium.core.store.memory.InMemoryStore;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issuing and verifying Atrium's two token kinds on the in-memory store: what a token says, and
 * every reason one is refused (each an InvalidSession, so realm-web refreshes or logs out).
 */
class TokenServiceTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final MovableClock clock = new MovableClock(T0);
    private final AppDirectory apps = new AppDirectory(store.apps(), clock, Duration.ZERO);
    private final KeyRing keys = new KeyRing(store.signingKeys(), clock, Duration.ZERO);
    private final TokenService tokens = new TokenService(keys, apps, clock, () -> "https://auth.example");
    private final App app = Apps.newApp("tokens", T0);
    private final User guest = new User("u1", app.id(), "normal", false, T0, T0, Map.of(),
            List.of(new Identity(User.ANON_PROVIDER, "s1", Map.of(), T0)));

    TokenServiceTest() {
        store.apps().create(app, Apps.defaultProviders(app, T0));
    }

    @Test
    void issueAccessThenVerifyReturnsTheAppUserSessionAndDevice() throws Exception {
        String token = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0);

        assertThat(tokens.verifyAccess(token)).isEqualTo(new AccessClaims(app.id(), "u1", "sid-1", "dev-1"));
        var claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://auth.example/api/client/v2.0/app/" + app.id());
        assertThat(claims.getClaim("is_anonymous")).isEqualTo(true);
        assertThat(claims.getStringListClaim("amr")).containsExactly(User.ANON_PROVIDER);
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm()).isEqualTo(KeyRing.DEFAULT_ALGORITHM);
    }

    @Test
    void issueRefreshThenVerifyReturnsItsSessionAndTheHashMatchesTheToken() {
        TokenService.IssuedRefresh refresh = tokens.issueRefresh(app, "u1", "sid-1", T0);

        assertThat(tokens.verifyRefresh(refresh.token())).isEqualTo(new RefreshClaims(app.id(), "u1", "sid-1"));
        assertThat(refresh.hash()).isEqualTo(dev.atrium.core.kernel.Secrets.hash(refresh.token()));
        assertThat(refresh.expiresAt()).isEqualTo(T0.plus(app.settings().refreshTokenLifetime()));
    }

    @Test
    void twoRefreshTokensOfTheSameSessionAndSecondDiffer() {
        assertThat(tokens.issueRefresh(app, "u1", "sid-1", T0).token())
                .isNotEqualTo(tokens.issueRefresh(app, "u1", "sid-1", T0).token());
    }

    @Test
    void verifyAccessWhenGivenARefreshTokenThenRefused() {
        String refresh = tokens.issueRefresh(app, "u1", "sid-1", T0).token();

        assertRefused(() -> tokens.verifyAccess(refresh), "an access token is required");
    }

    @Test
    void verifyRefreshWhenGivenAnAccessTokenThenRefused() {
        String access = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0);

        assertRefused(() -> tokens.verifyRefresh(access), "a refresh token is required");
    }

    @Test
    void verifyAccessWhenExpiredThenRefused() {
        String token = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0);
        clock.advance(app.settings().accessTokenLifetime());

        assertRefused(() -> tokens.verifyAccess(token), "access token expired");
    }

    @Test
    void verifyWhenIssuedBeyondTheClockSkewInTheFutureThenRefused() {
        String token = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0.plus(TokenService.CLOCK_SKEW).plusSeconds(5));

        assertRefused(() -> tokens.verifyAccess(token), "token issued in the future");
    }

    @Test
    void verifyWhenIssuedWithinTheClockSkewInTheFutureThenAccepted() {
        String token = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0.plus(TokenService.CLOCK_SKEW).minusSeconds(5));

        assertThat(tokens.verifyAccess(token).userId()).isEqualTo("u1");
    }

    @Test
    void verifyWhenThePayloadWasChangedThenSignatureInvalid() {
        String[] parts = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"u1\"", "\"u2\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];

        assertRefused(() -> tokens.verifyAccess(forged), "signature invalid");
    }

    @Test
    void verifyWhenAlgIsNoneThenMalformed() {
        String[] parts = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0).split("\\.");

        assertRefused(() -> tokens.verifyAccess(header("{\"alg\":\"none\"}") + "." + parts[1] + "."), "malformed token");
    }

    @Test
    void verifyWhenAlgIsNotOneOfOursThenNotSignedByThisServer() {
        String[] parts = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0).split("\\.");
        String hs512 = header("{\"alg\":\"HS512\",\"kid\":\"k\"}");
        String foreign = header("{\"sub\":\"u1\",\"aud\":\"" + app.id() + "\"}");

        assertRefused(() -> tokens.verifyAccess(hs512 + "." + foreign + "." + parts[2]), "token not signed by this server");
        // a token of ours under another algorithm names the kind it should have been
        assertRefused(() -> tokens.verifyAccess(hs512 + "." + parts[1] + "." + parts[2]), "an access token is required");
    }

    private static String header(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }

    @Test
    void verifyWhenMalformedOrMissingThenRefused() {
        assertRefused(() -> tokens.verifyAccess("not-a-jwt"), "malformed token");
        assertRefused(() -> tokens.verifyAccess(""), "missing token");
        assertRefused(() -> tokens.verifyRefresh(null), "missing token");
    }

    @Test
    void verifyWhenTheAppIsNotInTheStoreThenTokenOfAnUnknownApp() {
        App unknown = Apps.newApp("never-stored", T0);
        String token = tokens.issueAccess(unknown, guest, "sid-1", "dev-1", T0);

        assertRefused(() -> tokens.verifyAccess(token), "token of an unknown app");
    }

    @Test
    void verifyAfterAKeyRotationThenTokensOfTheOldKeyStillVerify() {
        String before = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0);
        keys.rotate(app.id(), Duration.ofDays(1), null);
        String after = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0);

        assertThat(tokens.verifyAccess(before).userId()).isEqualTo("u1");
        assertThat(tokens.verifyAccess(after).userId()).isEqualTo("u1");
    }

    @Test
    void verifyWhenTheTokenIsAnotherAppsThenSignatureInvalid() {
        App other = Apps.newApp("other", T0);
        store.apps().create(other, Apps.defaultProviders(other, T0));
        String[] mine = tokens.issueAccess(app, guest, "sid-1", "dev-1", T0).split("\\.");
        String[] theirs = tokens.issueAccess(other, guest, "sid-1", "dev-1", T0).split("\\.");

        // the other app's signature over this app's claims: the kid is not this app's key
        assertRefused(() -> tokens.verifyAccess(theirs[0] + "." + mine[1] + "." + theirs[2]), "signature invalid");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String why) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AuthException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.InvalidSession);
            assertThat(e.getMessage()).isEqualTo("invalid session: " + why);
        });
    }
}
