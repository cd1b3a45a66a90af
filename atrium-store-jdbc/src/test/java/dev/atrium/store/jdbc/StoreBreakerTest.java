package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.core.kernel.StoreUnavailableException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The breaker's rules; the failover test shows it against a real PostgreSQL going away and coming back. */
class StoreBreakerTest {
    private final AtomicBoolean databaseBack = new AtomicBoolean(false);
    private final StoreBreaker breaker = StoreBreaker.probing("test", databaseBack::get);
    private final AtomicInteger asked = new AtomicInteger();

    private String unavailable() {
        asked.incrementAndGet();
        throw new StoreUnavailableException("connection refused", null);
    }

    @Test
    void afterFourUnavailableCallsTheStoreIsNotAskedUntilAProbeAnswers() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breaker.call(this::unavailable)).isInstanceOf(StoreUnavailableException.class);
        }
        assertThat(breaker.isOpen()).isTrue();

        assertThatThrownBy(() -> breaker.call(this::unavailable)).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("circuit open");
        assertThat(asked).as("refused without asking").hasValue(4);

        databaseBack.set(true);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (breaker.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(breaker.isOpen()).as("closed by the probe").isFalse();
        assertThat(breaker.call(() -> "answered")).isEqualTo("answered");
    }

    @Test
    void otherFailuresAreAnswersNotOutages() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> breaker.call(() -> {
                throw new UniqueViolationException(new java.sql.SQLException("duplicate", "23505"));
            })).isInstanceOf(UniqueViolationException.class);
        }

        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.call(() -> 1)).isEqualTo(1);
    }

    @Test
    void oneUnavailableCallAmongAnswersDoesNotOpen() {
        for (int i = 0; i < 9; i++) {
            breaker.call(() -> "answered");
        }
        assertThatThrownBy(() -> breaker.call(this::unavailable)).isInstanceOf(StoreUnavailableException.class);

        assertThat(breaker.isOpen()).isFalse();
    }
}
