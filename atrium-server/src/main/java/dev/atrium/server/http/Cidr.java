package dev.atrium.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address) for trusted proxies. */
public record Cidr(byte[] network, int prefix) {

    /** Parses {@code a.b.c.d[/n]} or an IPv6 address with an optional prefix; IllegalArgumentException otherwise. */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        if (!parts[0].matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address: " + text); // never resolve host names
        }
        try {
            byte[] address = InetAddress.getByName(parts[0]).getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new Cidr(address, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + text, e);
        }
    }

    /** Whether {@code address} lies in this block (an IPv4 address never matches an IPv6 block). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        return rest == 0 || ((a[full] ^ network[full]) & (0xff << (8 - rest))) == 0;
    }
}
