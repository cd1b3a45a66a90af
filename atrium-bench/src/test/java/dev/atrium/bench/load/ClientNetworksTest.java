package dev.atrium.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the bench spreads its clients over client networks. */
class ClientNetworksTest {
    @Test
    void oneNetworkWhenAnyClientThenNoForwardedAddressAndNoProxyTrusted() {
        assertThat(ClientNetworks.ONE.forwardedFor(0)).isNull();
        assertThat(ClientNetworks.ONE.forwardedFor(63)).isNull();
        assertThat(ClientNetworks.ONE.serverArgs()).isEmpty();
    }

    @Test
    void manyNetworksWhenClientsCycleThenEachNetworkIsOneBenchmarkAddress() {
        ClientNetworks four = new ClientNetworks(4);

        assertThat(IntStream.range(0, 8).mapToObj(four::forwardedFor)).containsExactly("198.18.0.0", "198.18.0.1",
                "198.18.0.2", "198.18.0.3", "198.18.0.0", "198.18.0.1", "198.18.0.2", "198.18.0.3");
        assertThat(four.serverArgs()).containsExactly("--trusted-proxies", "127.0.0.1/32");
    }

    @Test
    void manyNetworksWhenPastAThirdOctetThenTheAddressCarries() {
        ClientNetworks all = new ClientNetworks(ClientNetworks.MAX);

        assertThat(all.forwardedFor(256)).isEqualTo("198.18.1.0");
        assertThat(all.forwardedFor(65_536)).isEqualTo("198.19.0.0");
        assertThat(all.forwardedFor(ClientNetworks.MAX - 1)).isEqualTo("198.19.255.255");
    }

    @Test
    void countWhenOutsideTheBenchmarkRangeThenRefused() {
        assertThatThrownBy(() -> new ClientNetworks(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientNetworks(ClientNetworks.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
