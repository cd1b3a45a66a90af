package dev.atrium.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials carry the client API's provider names and fields, and never show secrets. */
class CredentialsTest {

    @Test
    void eachFactoryNamesItsProviderAndFields() {
        assertThat(Credentials.anonymous().provider()).isEqualTo("anon-user");
        assertThat(Credentials.anonymous().reusesGuest()).isTrue();
        assertThat(Credentials.anonymous(false).reusesGuest()).isFalse();
        assertThat(Credentials.emailPassword("a@b.c", "pw123456").fields())
                .isEqualTo(Map.of("username", "a@b.c", "password", "pw123456"));
        assertThat(Credentials.emailPassword("a@b.c", "pw123456").provider()).isEqualTo("local-userpass");
        assertThat(Credentials.apiKey("k").fields()).isEqualTo(Map.of("key", "k"));
        assertThat(Credentials.apiKey("k").provider()).isEqualTo("api-key");
        assertThat(Credentials.jwt("t").fields()).isEqualTo(Map.of("token", "t"));
        assertThat(Credentials.jwt("t").provider()).isEqualTo("custom-token");
    }

    @Test
    void onlyAnonymousCredentialsAreAnonymousAndNoneReusesButAnonymous() {
        assertThat(Credentials.anonymous(false).isAnonymous()).isTrue();
        assertThat(Credentials.apiKey("k").isAnonymous()).isFalse();
        assertThat(Credentials.apiKey("k").reusesGuest()).isFalse();
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(Credentials.emailPassword("a@b.c", "hunter22").toString()).doesNotContain("hunter22").doesNotContain("a@b.c");
        assertThat(Credentials.apiKey("sekret").toString()).doesNotContain("sekret");
        assertThat(new ApiKey("id", "n", "sekret", true).toString()).doesNotContain("sekret");
    }

    @Test
    void missingFieldsAreRefusedAtOnce() {
        assertThatThrownBy(() -> Credentials.emailPassword("a@b.c", null)).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.code()).isEqualTo(ClientErrorCode.InvalidArgument));
    }
}
