package dev.atrium.server.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The destination policy, address by address (literals only: nothing here touches the network). */
class DestinationsTest {

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                | loopback
            127.8.9.10               | loopback
            ::1                      | loopback
            10.1.2.3                 | private (RFC 1918)
            172.16.0.1               | private (RFC 1918)
            172.31.255.255           | private (RFC 1918)
            192.168.1.1              | private (RFC 1918)
            169.254.169.254          | link-local (cloud metadata)
            fe80::1                  | link-local
            fc00::1                  | unique-local
            fd12:3456::1             | unique-local
            100.64.0.1               | shared address space (CGNAT)
            100.127.255.254          | shared address space (CGNAT)
            0.0.0.0                  | unspecified
            ::                       | unspecified
            224.0.0.251              | multicast
            ff02::1                  | multicast
            255.255.255.255          | reserved or broadcast
            ::ffff:127.0.0.1         | loopback
            ::ffff:169.254.169.254   | link-local (cloud metadata)
            64:ff9b::a9fe:a9fe       | link-local (cloud metadata)
            2002:7f00:1::1           | loopback
            ::10.0.0.1               | private (RFC 1918)
            """)
    void publicOnlyRefusesPrivateLoopbackLinkLocalAndTheirIpv6Disguises(String address, String why) throws Exception {
        InetAddress a = InetAddress.getByName(address);

        assertThat(Destinations.PUBLIC_ONLY.refusal(a)).endsWith(" is " + why);
        assertThat(Destinations.ANY.refusal(a)).as("the default allows it").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "2001:db9::1"})
    void publicAddressesAreAllowedEitherWay(String address) throws Exception {
        InetAddress a = InetAddress.getByName(address);

        assertThat(Destinations.PUBLIC_ONLY.refusal(a)).isNull();
        assertThat(Destinations.ANY.refusal(a)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "[::1]", "127.0.0.1", "[fd00::1]"})
    void theResolverRefusesBeforeAnyConnectionIsTried(String host) {
        CheckedResolver resolver = new CheckedResolver(Destinations.PUBLIC_ONLY);

        assertThatThrownBy(() -> resolver.resolve(host, 80)).isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("outbound-allow-private=false");
    }
}
