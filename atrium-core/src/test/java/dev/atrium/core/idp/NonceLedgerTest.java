package dev.atrium.core.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.RetryLaterException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NonceLedgerTest {
    final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aKeyIsFirstUsedOnceUntilItsTimeIsUp() {
        NonceLedger ledger = new NonceLedger(10);

        assertThat(ledger.firstUse("a", now.plusSeconds(60), now)).isTrue();
        assertThat(ledger.firstUse("a", now.plusSeconds(60), now.plusSeconds(59))).isFalse();
        assertThat(ledger.firstUse("b", now.plusSeconds(60), now)).isTrue();
        assertThat(ledger.firstUse("a", now.plusSeconds(120), now.plusSeconds(60))).as("expired: a token that old is refused anyway")
                .isTrue();
    }

    @Test
    void whenFullExpiredKeysAreDroppedFirst() {
        NonceLedger ledger = new NonceLedger(2);
        ledger.firstUse("a", now.plusSeconds(10), now);
        ledger.firstUse("b", now.plusSeconds(100), now);

        assertThat(ledger.firstUse("c", now.plusSeconds(100), now.plusSeconds(20))).isTrue();
        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.firstUse("b", now.plusSeconds(100), now.plusSeconds(20))).as("a live key is never forgotten").isFalse();
    }

    @Test
    void whenFullOfLiveKeysANewOneIsServerBusyUntilTheFirstExpires() {
        NonceLedger ledger = new NonceLedger(2);
        ledger.firstUse("a", now.plusSeconds(30), now);
        ledger.firstUse("b", now.plusSeconds(100), now);

        assertThatThrownBy(() -> ledger.firstUse("c", now.plusSeconds(100), now))
                .isInstanceOfSatisfying(RetryLaterException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ServerBusy);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(31));
                });
    }
}
