package dev.atrium.server.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The HTTP client's only name resolution: the addresses it returns are the ones the client
 * connects to, so the check and the connection see the same answer (a DNS rebinding between the
 * two is not possible). A name with any refused address is refused whole.
 */
final class CheckedResolver implements DnsResolver {
    private final Destinations destinations;

    CheckedResolver(Destinations destinations) {
        this.destinations = destinations;
    }

    /** A resolution refused by the destination policy. */
    static final class Refused extends UnknownHostException {
        Refused(String message) {
            super(message);
        }
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        for (InetAddress a : addresses) {
            String why = destinations.refusal(a);
            if (why != null) {
                throw new Refused(host + ": " + why + " (outbound-allow-private=false)");
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }
}
