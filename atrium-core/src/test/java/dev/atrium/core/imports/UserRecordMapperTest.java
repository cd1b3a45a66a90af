package dev.atrium.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atrium.core.auth.ProviderRegistry;
import dev.atrium.core.kernel.Json;
import dev.atrium.core.users.Identity;
import dev.atrium.core.users.User;
import dev.atrium.core.users.UserType;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One Admin API user object as the user the import writes. */
class UserRecordMapperTest {
    private final UserRecordMapper mapper = new UserRecordMapper("shop-qwert",
            new HashSet<>(ProviderRegistry.installed().types()));

    private UserRecordMapper.Mapped map(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        return mapper.map(node);
    }

    private ImportedUser valid(String json) throws Exception {
        UserRecordMapper.Mapped m = map(json);
        assertThat(m).isInstanceOf(UserRecordMapper.Valid.class);
        return ((UserRecordMapper.Valid) m).user();
    }

    @Test
    void aLinkedGuestKeepsItsIdItsIdentitiesInOrderItsDatesAndItsAccount() throws Exception {
        ImportedUser u = valid("""
                {"_id": "650000000000000000000001", "type": "normal", "creation_date": 1700000000,
                 "last_authentication_date": 1710000000, "disabled": true,
                 "identities": [
                   {"id": "650000000000000000000a01", "provider_type": "anon-user", "provider_id": "x"},
                   {"id": "650000000000000000000b01", "provider_type": "local-userpass", "provider_id": "y",
                    "provider_data": {"email": " Ann@Example.COM "}}],
                 "data": {"email": "ann@example.com", "nickname": "ann"}}""");

        User user = u.user();
        assertThat(user.id()).isEqualTo("650000000000000000000001");
        assertThat(user.appId()).isEqualTo("shop-qwert");
        assertThat(user.disabled()).isTrue();
        assertThat(user.createdAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(user.lastActiveAt()).isEqualTo(Instant.ofEpochSecond(1710000000));
        assertThat(user.identities()).extracting(Identity::providerType).containsExactly("anon-user", "local-userpass");
        assertThat(user.isAnonymous()).isFalse();
        assertThat(user.profileData()).as("data beyond the identities' own goes to the first that is not a guest's")
                .isEqualTo(Map.of("email", "ann@example.com", "nickname", "ann"));
        assertThat(u.account()).isEqualTo(new EmailAccount("650000000000000000000b01", "ann@example.com"));
    }

    @Test
    void apiKeyIdentitiesAreLeftOutAndCountedAndTheServerUserKeepsItsId() throws Exception {
        UserRecordMapper.Mapped m = map("""
                {"_id": "650000000000000000000002", "type": "server", "creation_date": 1700000000,
                 "identities": [{"id": "650000000000000000000c02", "provider_type": "api-key"}]}""");

        assertThat(m).isInstanceOfSatisfying(UserRecordMapper.Valid.class, v -> {
            assertThat(v.apiKeyIdentitiesLeftOut()).isOne();
            assertThat(v.user().user().type()).isEqualTo(UserType.SERVER);
            assertThat(v.user().user().identities()).isEmpty();
            assertThat(v.user().user().lastActiveAt()).as("never authenticated: its creation").isEqualTo(
                    Instant.ofEpochSecond(1700000000));
        });
    }

    @Test
    void anExternalIdentityKeepsItsSubjectAndProviderData() throws Exception {
        ImportedUser u = valid("""
                {"_id": {"$oid": "650000000000000000000003"}, "creation_date": 1700000000,
                 "identities": [{"id": "108765432109876543210", "provider_type": "oauth2-google",
                                 "provider_data": {"name": "Eve", "picture": null}}]}""");

        assertThat(u.user().id()).as("an Extended JSON id, as mongoexport writes it").isEqualTo("650000000000000000000003");
        assertThat(u.user().identities()).singleElement().satisfies(i -> {
            assertThat(i.subject()).isEqualTo("108765432109876543210");
            assertThat(i.providerData()).isEqualTo(Map.of("name", "Eve"));
        });
        assertThat(u.account()).isNull();
    }

    @Test
    void aPendingRegistrationIsRecognisedAndLeftOut() throws Exception {
        assertThat(map("""
                {"_id": "650000000000000000000004", "login_ids": [{"id_type": "email", "id": "late@example.com"}]}"""))
                .isInstanceOf(UserRecordMapper.Pending.class);
    }

    @Test
    void twoIdentitiesOfOneProviderAreRefused() throws Exception {
        assertThat(map("""
                {"_id": "650000000000000000000005", "creation_date": 1700000000,
                 "identities": [{"id": "a", "provider_type": "custom-token"}, {"id": "b", "provider_type": "custom-token"}]}"""))
                .isInstanceOfSatisfying(UserRecordMapper.Invalid.class,
                        i -> assertThat(i.message()).isEqualTo("two identities of provider custom-token"));
    }
}
