package dev.atrium.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.api.ErrorCode;
import dev.atrium.core.kernel.RetryLaterException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HashingPoolTest {
    @Test
    void workCalledFromAVirtualThreadRunsOnAPlatformThreadOfThePool() throws Exception {
        try (HashingPool pool = new HashingPool(1, Duration.ofSeconds(5));
             ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Thread worker = requests.submit(() -> pool.run(Thread::currentThread)).get();

            assertThat(worker.isVirtual()).as("a virtual thread computing would hold its carrier").isFalse();
            assertThat(worker.getName()).startsWith("atrium-argon2-");
        }
    }

    @Test
    void aCallerThatGetsNoThreadWithinTheQueueTimeoutIsRefusedWithServerBusy() throws Exception {
        try (HashingPool pool = new HashingPool(1, Duration.ofMillis(50));
             ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> busy = requests.submit(() -> pool.run(() -> {
                started.countDown();
                return release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            }));
            started.await();

            assertThatThrownBy(() -> pool.run(() -> "late")).isInstanceOfSatisfying(RetryLaterException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.ServerBusy);
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            });
            assertThat(pool.refusals()).isEqualTo(1);
            release.countDown();
            assertThat(busy.get()).isTrue();
            assertThat(pool.run(() -> "next")).isEqualTo("next");
        }
    }

    @Test
    void neverMoreThanItsThreadsComputeAtOnce() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (HashingPool pool = new HashingPool(2, Duration.ofSeconds(30));
             ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(requests.submit(() -> pool.run(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    return running.decrementAndGet();
                })));
            }
            for (Future<Integer> c : calls) {
                c.get();
            }
        }

        assertThat(most.get()).isBetween(1, 2);
    }
}
