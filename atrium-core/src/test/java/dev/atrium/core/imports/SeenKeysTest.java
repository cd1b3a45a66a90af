package dev.atrium.core.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The run's memory of keys: exact for what it was given, through its growth, and kinds kept apart. */
class SeenKeysTest {
    @Test
    void addAnswersFalseOnlyForAKeyOfTheSameKindAddedBeforeAcrossGrowth() {
        SeenKeys seen = new SeenKeys();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add('u', "user-" + i)).isTrue();
        }

        assertThat(seen.size()).isEqualTo(200_000);
        assertThat(seen.add('u', "user-123")).isFalse();
        assertThat(seen.contains('u', "user-199999")).isTrue();
        assertThat(seen.contains('i', "user-123")).as("another kind").isFalse();
        assertThat(seen.add('i', "user-123")).isTrue();
    }
}
