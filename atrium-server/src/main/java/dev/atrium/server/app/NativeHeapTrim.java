package dev.atrium.server.app;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Gives the C heap's free memory back to the operating system when the node is idle: glibc keeps
 * what start-up freed (class loading, the store's opening, first compilations), some 20–30 MB of
 * an idle server's RSS (docs/performance.md, RSS idle). The JVM's own trim, the one {@code jcmd PID
 * System.trim_native_heap} runs, through the DiagnosticCommand MBean: it also returns the JVM's
 * own arenas first, which a plain {@code malloc_trim} from Java did not. A no-op where the C library
 * has no trim (the command answers so). {@link IdleTrimPolicy} says when; a process-wide action,
 * so {@code serve} starts it, not the server's embedders.
 */
public final class NativeHeapTrim implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("atrium.memory");
    /** How often the request count is read. */
    private static final Duration CHECK = Duration.ofSeconds(2);
    /** No request for this long makes the node idle; a probe every 10 s leaves it idle between two (a trim with little to give back is cheap). */
    private static final Duration IDLE = Duration.ofSeconds(8);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("atrium-native-trim").factory());

    private NativeHeapTrim(LongSupplier requestsSoFar) {
        IdleTrimPolicy policy = new IdleTrimPolicy(IDLE, System.nanoTime());
        timer.scheduleWithFixedDelay(() -> {
            if (policy.shouldTrim(requestsSoFar.getAsLong(), System.nanoTime())) {
                trimNow();
            }
        }, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Trims now (from its own thread) and whenever {@code atrium} has been idle a while, until closed. */
    public static NativeHeapTrim start(Atrium atrium) {
        return new NativeHeapTrim(atrium::requestsStartedSoFar);
    }

    /** One trim of the C heap; what the JVM answered (RSS before and after), or why it could not. */
    public static String trimNow() {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap", null, null);
            String text = String.valueOf(answer).strip();
            LOG.log(System.Logger.Level.DEBUG, text);
            return text;
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "native heap trim unavailable: " + e);
            return "unavailable: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
