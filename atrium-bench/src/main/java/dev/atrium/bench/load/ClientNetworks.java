package dev.atrium.bench.load;

import java.util.List;

/**
 * Over how many client networks the simulated clients are spread. The server keys guest
 * admission by client network (an IPv4 address); on loopback every client has the generator's
 * address, one network, the worst case for a shared bucket. With {@code count} above one, client
 * {@code i} sends {@code X-Forwarded-For} with address {@code i mod count} of 198.18.0.0/15
 * (RFC 2544's range for benchmarks) and the launched server believes it from loopback
 * ({@link #serverArgs}, docs/architecture.md, Abuse).
 *
 * @param count how many networks; 1 = all clients on the generator's own address, no header
 */
public record ClientNetworks(int count) {
    /** Every client from the generator's own address. */
    public static final ClientNetworks ONE = new ClientNetworks(1);
    /** 198.18.0.0/15 holds 2^17 addresses. */
    public static final int MAX = 1 << 17;

    public ClientNetworks {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("client networks: 1 to " + MAX + ", not " + count);
        }
    }

    /** The {@code X-Forwarded-For} of client {@code client}, or null when all share the generator's address. */
    public String forwardedFor(int client) {
        if (count == 1) {
            return null;
        }
        int k = client % count;
        return "198." + (18 + k / 65_536) + "." + (k / 256 % 256) + "." + (k % 256);
    }

    /** What the launched server needs to believe the clients' {@code X-Forwarded-For}: loopback as a trusted proxy. */
    public List<String> serverArgs() {
        return count == 1 ? List.of() : List.of("--trusted-proxies", "127.0.0.1/32");
    }
}
