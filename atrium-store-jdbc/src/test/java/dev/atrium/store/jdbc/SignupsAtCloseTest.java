package dev.atrium.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.core.apps.App;
import dev.atrium.core.kernel.StoreUnavailableException;
import dev.atrium.core.store.AtriumStore;
import dev.atrium.store.tck.StoreContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store closed while sign-ups are still arriving (a node stopping under load): every sign-up it
 * acknowledged is in the store when it is opened again, every other one was refused as the store's
 * unavailability, and none is left waiting.
 */
class SignupsAtCloseTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected AtriumStore newStore() {
        return JdbcStore.open(settings(), TestKeys.KEY);
    }

    private JdbcSettings settings() {
        return new JdbcSettings("sqlite:" + dir.resolve("atrium.db"), 4, Duration.ofSeconds(10), null);
    }

    @Test
    @Timeout(60)
    void signUpsInFlightWhenTheStoreClosesAreWrittenOrRefusedNeverLost() throws Exception {
        App app = createApp();
        ConcurrentLinkedQueue<Signup> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = IntStream.range(0, THREADS).<Future<?>>mapToObj(n -> clients.submit(() -> {
            while (true) {
                try {
                    acknowledged.add(signUpGuest(app));
                } catch (RuntimeException e) {
                    refused.add(e);
                    return;
                }
            }
        })).toList();
        while (acknowledged.size() < 200) {
            Thread.sleep(1);
        }

        store.close();
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        store = newStore();

        assertThat(refused).hasSize(THREADS).allSatisfy(e -> assertThat(e).isInstanceOf(StoreUnavailableException.class));
        assertThat(acknowledged).allSatisfy(s -> assertThat(store.users().find(app.id(), s.user().id())).contains(s.user()));
    }
}
