package dev.atrium.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    @Test
    void anUnknownAccountAWrongPasswordAndTheRightOneCostOneComputationEach() {
        try (PasswordHasher hasher = new PasswordHasher(8192, 1, 1, 1, Duration.ofSeconds(5))) {
            String stored = hasher.hash("secret1");
            long[] cost = new long[3];
            boolean[] answers = new boolean[3];
            String[] hashes = {null, stored, stored};
            String[] passwords = {"secret1", "secret2", "secret1"};

            for (int i = 0; i < 3; i++) {
                long before = hasher.computations();
                answers[i] = hasher.verify(passwords[i], hashes[i]);
                cost[i] = hasher.computations() - before;
            }

            assertThat(answers).containsExactly(false, false, true);
            assertThat(cost).containsExactly(1, 1, 1);
            assertThat(stored).startsWith("$argon2id$v=19$m=8192,t=1,p=1$");
        }
    }
}
