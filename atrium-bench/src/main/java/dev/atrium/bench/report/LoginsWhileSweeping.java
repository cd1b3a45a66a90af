package dev.atrium.bench.report;

import dev.atrium.bench.load.LoadResult;

/**
 * Guest logins on one server and store holding a backlog of expired guests, with its sweeper idle
 * ({@code off}) and deleting them ({@code on}); {@code --logins-while-sweeping}.
 *
 * @param seeded expired guests seeded into the server's store
 * @param sweptWhileServing seeded guests the sweeper deleted from the change to the end of the second window
 * @param seconds that time
 * @param left seeded guests still there at the end
 */
public record LoginsWhileSweeping(long seeded, LoadResult off, LoadResult on, long sweptWhileServing, double seconds, long left) {
    /** Logins per second while sweeping ÷ with the sweeper idle. */
    public double loginRatio() {
        return on.perSecond() / off.perSecond();
    }

    public double sweptPerSecond() {
        return sweptWhileServing / seconds;
    }

    /** The sweep ended before the second window did: part of that window had no sweep to bear. */
    public boolean sweepFinished() {
        return left == 0;
    }
}

