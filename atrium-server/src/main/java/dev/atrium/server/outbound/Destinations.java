package dev.atrium.server.outbound;

import dev.atrium.server.http.Cidr;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses outbound calls may connect to (config {@code outbound-allow-private}).
 * {@link #ANY} is the default: receivers on the same host or network (a compose network, a LAN,
 * the mail relay on localhost) are how self-hosters run. {@link #PUBLIC_ONLY} refuses what a
 * server-side request forgery aims at: loopback, RFC 1918, link-local (169.254/16, where cloud
 * metadata lives, and fe80::/10), unique-local fc00::/7, CGNAT 100.64/10 (RFC 6598), unspecified,
 * multicast and reserved; IPv6 forms that embed an IPv4 address (NAT64 64:ff9b::/96, 6to4
 * 2002::/16, IPv4-compatible ::/96) are judged by that address.
 */
public enum Destinations {
    ANY,
    PUBLIC_ONLY;

    private record Block(Cidr cidr, String why) {}

    private static final List<Block> REFUSED = List.of(
            block("0.0.0.0/8", "unspecified"),
            block("10.0.0.0/8", "private (RFC 1918)"),
            block("100.64.0.0/10", "shared address space (CGNAT)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local (cloud metadata)"),
            block("172.16.0.0/12", "private (RFC 1918)"),
            block("192.0.0.0/24", "IETF protocol assignments"),
            block("192.168.0.0/16", "private (RFC 1918)"),
            block("198.18.0.0/15", "benchmarking"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved or broadcast"),
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("fc00::/7", "unique-local"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local"),
            block("ff00::/8", "multicast"));
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");

    private static Block block(String cidr, String why) {
        return new Block(Cidr.parse(cidr), why);
    }

    /** Why {@code address} is refused under this policy, or null when it may be connected to. */
    public String refusal(InetAddress address) {
        if (this == ANY) {
            return null;
        }
        InetAddress judged = embeddedIpv4(address);
        for (Block b : REFUSED) {
            if (b.cidr().contains(judged)) {
                return judged.getHostAddress() + " is " + b.why();
            }
        }
        return null;
    }

    /** The IPv4 address an IPv6 address stands for (NAT64, 6to4, IPv4-compatible), else the address itself. */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] a = address.getAddress();
        int from;
        if (NAT64.contains(address) || (IPV4_COMPATIBLE.contains(address) && !isUnspecifiedOrLoopback(a))) {
            from = 12;
        } else if (SIX_TO_FOUR.contains(address)) {
            from = 2;
        } else {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {a[from], a[from + 1], a[from + 2], a[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static boolean isUnspecifiedOrLoopback(byte[] a) {
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 0 || a[15] == 1;
    }
}
