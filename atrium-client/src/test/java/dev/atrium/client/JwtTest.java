package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.client.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SDK reads from tokens, and what it refuses as BadToken. */
class JwtTest {

    @Test
    void payloadWithIntegerTimesAndUserDataIsRead() {
        Jwt jwt = Jwt.parse(Tokens.withPayload("{\"sub\":\"u1\",\"iat\":100,\"exp\":200,\"user_data\":{\"level\":3,\"tags\":[\"a\"]}}"));

        assertThat(jwt.subject()).isEqualTo("u1");
        assertThat(jwt.issuedAt()).isEqualTo(100);
        assertThat(jwt.expiresAt()).isEqualTo(200);
        assertThat(jwt.userData()).containsEntry("level", 3).containsKey("tags");
    }

    @Test
    void tokenWithoutUserDataHasEmptyCustomData() {
        assertThat(Jwt.parse(Tokens.withPayload("{\"iat\":1,\"exp\":2}")).userData()).isEmpty();
    }

    @Test
    void standardBase64WithPaddingIsAcceptedLikeCore() {
        String payload = Base64.getEncoder().encodeToString("{\"iat\":1,\"exp\":2,\"s\":\"?>\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(payload).contains("+").endsWith("=");
        assertThat(Jwt.parse("e30." + payload + ".c2ln").expiresAt()).isEqualTo(2);
    }

    @Test
    void tokensCoreCannotUseAreRefusedAsBadToken() {
        for (String bad : new String[] {"a.b", "a..c", "a.b.c.d", "", Tokens.withPayload("[1]"),
                Tokens.withPayload("{\"iat\":1}"), Tokens.withPayload("{\"iat\":1,\"exp\":2.5}"),
                Tokens.withPayload("{\"iat\":\"1\",\"exp\":2}"), "e30.!!!.c2ln"}) {
            assertThatThrownBy(() -> Jwt.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.code()).isEqualTo(ClientErrorCode.BadToken));
        }
    }

    @Test
    void customDataIsNotModifiable() {
        Map<String, Object> data = Jwt.parse(Tokens.withPayload("{\"iat\":1,\"exp\":2,\"user_data\":{\"a\":1}}")).userData();

        assertThatThrownBy(() -> data.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }
}
