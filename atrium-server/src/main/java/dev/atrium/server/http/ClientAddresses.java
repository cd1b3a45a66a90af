package dev.atrium.server.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.List;

/**
 * Who is calling, for admission limits (docs/architecture.md, Abuse). The peer address is believed; its
 * {@code X-Forwarded-For} only when the peer is a trusted proxy, and then the chain is walked from
 * the right, skipping trusted proxies, to the first address a client could not have forged.
 * The key is the address for IPv4 and its /64 for IPv6 (one host holds a whole /64).
 */
public final class ClientAddresses {
    private final List<Cidr> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /** The admission key of the request's client. */
    public String key(ServerRequest req) {
        InetAddress client = ((InetSocketAddress) req.remotePeer().address()).getAddress();
        if (isTrusted(client)) {
            List<String> hops = req.headers().all(HeaderNames.X_FORWARDED_FOR, List::of).stream()
                    .flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::trim).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = literal(hops.get(i));
                if (hop == null) {
                    break;
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    /** {@code 203.0.113.7} for IPv4, {@code 2001:db8:1:2::/64} style (hex of the first 8 bytes) for IPv6. */
    static String key(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length == 4) {
            return address.getHostAddress();
        }
        return HexFormat.of().formatHex(a, 0, 8) + "/64";
    }

    private boolean isTrusted(InetAddress a) {
        return trusted.stream().anyMatch(c -> c.contains(a));
    }

    private static InetAddress literal(String s) {
        String t = s.startsWith("[") && s.contains("]") ? s.substring(1, s.indexOf(']')) : s;
        if (!t.matches("[0-9a-fA-F:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
