package io.callsign.rpc;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One TCP address the JSON-RPC server listens on, and the framing spoken there.
 *
 * @param framing how messages are delimited on connections to this address
 * @param address where to listen; port 0 picks a free port (tests)
 */
public record RpcListener(Framing framing, InetSocketAddress address) {

    public RpcListener {
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(address, "address");
    }

    /**
     * Parses {@code [framing:]host:port}, e.g. {@code netstring:0.0.0.0:8090},
     * {@code json:[::1]:8091} or {@code 127.0.0.1:8090} (netstring when the framing is omitted).
     *
     * @throws IllegalArgumentException naming the value and what is wrong with it
     */
    public static RpcListener parse(String value) {
        String text = value.trim();
        Framing framing = Framing.NETSTRING;
        int colon = text.indexOf(':');
        // "framing:host:port" has a second colon after the first; "host:port" and "[v6]:port" do not.
        if (colon > 0 && !text.startsWith("[") && text.indexOf(':', colon + 1) > 0) {
            framing = Framing.parse(text.substring(0, colon));
            text = text.substring(colon + 1);
        }
        int portColon = text.lastIndexOf(':');
        if (portColon <= 0) {
            throw new IllegalArgumentException("RPC listener '" + value
                    + "' has no host:port; write e.g. netstring:127.0.0.1:8090");
        }
        String host = text.substring(0, portColon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new RpcListener(framing, new InetSocketAddress(host, port(value, text.substring(portColon + 1))));
    }

    private static int port(String value, String port) {
        try {
            int n = Integer.parseInt(port);
            if (n >= 0 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("RPC listener '" + value + "' has port '" + port
                + "'; use a number from 0 to 65535");
    }

    /** The setting form of this listener, e.g. {@code netstring:127.0.0.1:8090}. */
    @Override
    public String toString() {
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return framing.settingName() + ":" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
