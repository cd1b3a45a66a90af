package dev.atrium.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL the tests use: the named one, the one on the default port, or their own. */
class TestPostgresTest {

    @Test
    void chooseWhenUrlSetThenItWhateverAnswers() {
        assertThat(TestPostgres.choose(Map.of("ATRIUM_TEST_PG_URL", " postgresql://u:p@db:6543/x "), port -> false))
                .isEqualTo("postgresql://u:p@db:6543/x");
    }

    @Test
    void chooseWhenUrlUnsetAndTheDefaultPortAnswersThenTheLocalServer() {
        assertThat(TestPostgres.choose(Map.of(), port -> port == 5432)).isEqualTo("postgresql://postgres@127.0.0.1:5432/test");
    }

    @Test
    void chooseWhenUrlUnsetAndNothingAnswersThenNullSoTheTestsStartTheirOwn() {
        assertThat(TestPostgres.choose(Map.of("ATRIUM_TEST_PG_PORT", "1"), port -> port != 1)).isNull();
    }

    @Test
    void chooseWhenThePortIsNoNumberThenSaysWhich() {
        assertThatThrownBy(() -> TestPostgres.choose(Map.of("ATRIUM_TEST_PG_PORT", "five"), port -> true))
                .hasMessageContaining("ATRIUM_TEST_PG_PORT");
    }

    @Test
    void answersWhenNothingListensThenFalse() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThat(TestPostgres.answers(port)).isFalse();
    }
}
