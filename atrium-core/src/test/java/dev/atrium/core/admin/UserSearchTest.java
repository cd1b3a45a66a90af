package dev.atrium.core.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a search text means, the e-mail range it is, and the list's cursors and sorts. */
class UserSearchTest {

    @Test
    void searchWhenTwentyFourHexDigitsInAnyCaseThenThatUserId() {
        assertThat(UserSearch.parse(" 65F0A1B2C3D4E5F601234567 ")).isEqualTo(new UserSearch.ById("65f0a1b2c3d4e5f601234567"));
    }

    @Test
    void searchWhenAnythingElseThenALowerCaseEmailPrefix() {
        assertThat(UserSearch.parse("Ann@Example")).isEqualTo(new UserSearch.ByEmailPrefix("ann@example"));
        assertThat(UserSearch.parse("65f0a1b2")).as("too short for an id").isEqualTo(new UserSearch.ByEmailPrefix("65f0a1b2"));
    }

    @Test
    void searchWhenBlankTooLongOrWithControlCharactersThenRefused() {
        assertThatThrownBy(() -> UserSearch.parse("   ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserSearch.parse("a".repeat(255))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserSearch.parse("a\u0000b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void upperBoundIsThePrefixWithItsLastCodePointPlusOne() {
        assertThat(new UserSearch.ByEmailPrefix("ann").upperBound()).isEqualTo("ano");
        assertThat(new UserSearch.ByEmailPrefix("a@").upperBound()).isEqualTo("aA");
        assertThat(new UserSearch.ByEmailPrefix("é").upperBound()).isEqualTo("ê");
        assertThat(new UserSearch.ByEmailPrefix("a\uD83D\uDE00").upperBound()).as("a code point past the BMP")
                .isEqualTo("a\uD83D\uDE01");
        assertThat(new UserSearch.ByEmailPrefix("a" + new String(Character.toChars(Character.MAX_CODE_POINT))).upperBound())
                .isEqualTo("b");
    }

    @Test
    void everyStringWithThePrefixSortsBelowTheUpperBound() {
        UserSearch.ByEmailPrefix p = new UserSearch.ByEmailPrefix("ann");
        for (String email : new String[] {"ann", "ann@example.com", "ann\uFFFF", "annz"}) {
            assertThat(email.compareTo(p.upperBound())).as(email).isNegative();
            assertThat(p.matches(email)).as(email).isTrue();
        }
        assertThat(p.matches("ano@example.com")).isFalse();
        assertThat(p.matches("ANNA@example.com")).as("stored in upper case").isTrue();
    }

    @Test
    void cursorRoundTripsForEachSortAndRefusesWhatNoListGave() {
        String id = "65f0a1b2c3d4e5f601234567";
        UserCursor byActivity = new UserCursor(Instant.ofEpochMilli(1_700_000_000_123L), id);

        assertThat(UserCursor.parse(byActivity.wire(), UserSort.LAST_ACTIVE_DESC)).isEqualTo(byActivity);
        assertThat(UserCursor.parse(id, UserSort.CREATED)).isEqualTo(new UserCursor(null, id));
        assertThatThrownBy(() -> UserCursor.parse(byActivity.wire(), UserSort.CREATED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserCursor.parse(id, UserSort.LAST_ACTIVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserCursor.parse("x_" + id, UserSort.LAST_ACTIVE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortsAreNamedAsTheApiNamesThem() {
        assertThat(UserSort.parse("-last_active")).isEqualTo(UserSort.LAST_ACTIVE_DESC);
        assertThat(UserSort.LAST_ACTIVE_DESC.descending()).isTrue();
        assertThat(UserSort.CREATED.byActivity()).isFalse();
        assertThatThrownBy(() -> UserSort.parse("name")).hasMessageContaining("created, -created, last_active, -last_active");
    }
}
