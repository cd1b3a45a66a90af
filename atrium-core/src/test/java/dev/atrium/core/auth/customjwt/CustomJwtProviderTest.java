package dev.atrium.core.auth.customjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.api.ErrorCode;
import dev.atrium.core.apps.App;
import dev.atrium.core.apps.ProviderConfig;
import dev.atrium.core.auth.Resolution;
import dev.atrium.core.kernel.AuthException;
import dev.atrium.core.kernel.ObjectIds;
import dev.atrium.core.sessions.Session;
import dev.atrium.core.testing.TestWorld;
import dev.atrium.core.users.User;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code custom-token} validation with a shared secret: signature, audience, issuer, pinned algorithms, lifetime. */
class CustomJwtProviderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestWorld world = new TestWorld();
    private final App app = world.app("custom");
    private final CustomJwtProvider provider = new CustomJwtProvider();
    private final dev.atrium.core.auth.Authenticator<CustomJwtProvider.Token> login = provider.authenticator(
            dev.atrium.core.auth.ProviderContext.builder(world.store.users(), world.clock).jwks(url -> {
                throw new IOException("no network in this test");
            }).build());
    private final ProviderConfig config = new ProviderConfig("p1", app.id(), CustomJwtProvider.TYPE, true, Map.of(
            "shared_secret", SECRET, "audience", "my-app", "issuer", "https://id.example", "algorithms", List.of("HS256"),
            "clock_skew_s", 60, "metadata", Map.of("name", "name", "email", "email")));

    /** A token of the app's identity system: valid for an hour from now unless the builder says otherwise. */
    private JWTClaimsSet.Builder claims(String subject) {
        Instant now = world.clock.instant();
        return new JWTClaimsSet.Builder().subject(subject).audience("my-app").issuer("https://id.example")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    private static JsonNode body(JWTClaimsSet claims, JWSAlgorithm alg, String secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return JSON.createObjectNode().put("token", jwt.serialize());
    }

    private Resolution authenticate(JsonNode body) {
        return login.authenticate(app, config, provider.credentials(fields(body)), world.clock.instant());
    }

    private static dev.atrium.core.kernel.RequestFields fields(JsonNode body) {
        return dev.atrium.core.kernel.RequestFields.of(JSON.convertValue(body, Map.class));
    }

    private void refused(JsonNode body, ErrorCode code, String why) {
        assertThatThrownBy(() -> authenticate(body)).isInstanceOf(AuthException.class)
                .satisfies(e -> assertThat(((AuthException) e).code()).isEqualTo(code))
                .hasMessageContaining(why);
    }

    @Test
    void validTokenOfANewSubjectThenAFreshIdentityWithTheMappedMetadata() throws Exception {
        Resolution r = authenticate(body(claims("alice").claim("name", "Alice").claim("email", "a@example.com")
                .claim("roles", List.of("admin")).build(), JWSAlgorithm.HS256, SECRET));

        assertThat(r.holderId()).isNull();
        assertThat(r.identity().providerType()).isEqualTo("custom-token");
        assertThat(r.identity().subject()).isEqualTo("alice");
        assertThat(r.identity().providerData()).isEqualTo(Map.of("name", "Alice", "email", "a@example.com"));
    }

    @Test
    void validTokenOfASubjectAUserHoldsThenItResolvesToThatUser() throws Exception {
        User holder = world.linked(world.guest(app), "custom-token", "bob", Map.of());
        Instant now = world.clock.instant();
        world.store.signups().createUserWithSession(holder, new Session(ObjectIds.next(now), app.id(), holder.id(),
                ObjectIds.next(now), "h", now, now.plus(Duration.ofDays(1))));

        assertThat(authenticate(body(claims("bob").build(), JWSAlgorithm.HS256, SECRET)).holderId()).isEqualTo(holder.id());
    }

    @Test
    void tokenSignedWithAnotherSecretThenAuthError() throws Exception {
        refused(body(claims("alice").build(), JWSAlgorithm.HS256, "another-secret-another-secret-xx"), ErrorCode.AuthError,
                "invalid custom token");
    }

    @Test
    void tokenOfAnotherAudienceOrIssuerThenAuthError() throws Exception {
        refused(body(claims("alice").audience("other-app").build(), JWSAlgorithm.HS256, SECRET), ErrorCode.AuthError,
                "invalid custom token");
        refused(body(claims("alice").issuer("https://evil.example").build(), JWSAlgorithm.HS256, SECRET),
                ErrorCode.AuthError, "invalid custom token");
    }

    @Test
    void tokenOfAnAlgorithmNotPinnedThenAuthErrorEvenWithTheRightSecret() throws Exception {
        refused(body(claims("alice").build(), JWSAlgorithm.HS512,
                SECRET + SECRET), ErrorCode.AuthError, "invalid custom token");
    }

    @Test
    void expiredTokenThenRefusedBeyondTheSkewAcceptedWithinIt() throws Exception {
        JsonNode token = body(claims("alice").expirationTime(Date.from(world.clock.instant().plusSeconds(30))).build(),
                JWSAlgorithm.HS256, SECRET);

        world.clock.advance(Duration.ofSeconds(80));
        assertThat(authenticate(token).identity().subject()).isEqualTo("alice");

        world.clock.advance(Duration.ofSeconds(20));
        refused(token, ErrorCode.AuthError, "invalid custom token");
    }

    @Test
    void missingTokenThenMissingParameter() {
        refused(JSON.createObjectNode(), ErrorCode.MissingParameter, "token");
        refused(JSON.createObjectNode().put("token", ""), ErrorCode.MissingParameter, "token");
    }

    @Test
    void misconfiguredProviderThenAuthErrorWithoutTheConfigInTheMessage() {
        ProviderConfig broken = new ProviderConfig("p1", app.id(), CustomJwtProvider.TYPE, true, Map.of("audience", "x"));

        assertThatThrownBy(() -> login.authenticate(app, broken, new CustomJwtProvider.Token("a.b.c"),
                world.clock.instant()))
                .isInstanceOf(AuthException.class).hasMessage("custom-token provider is misconfigured");
    }
}
