package io.callsign.numbers;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPv4 or IPv6 network, as stored in trunk_cidrs (PostgreSQL {@code cidr}: no host bits set).
 *
 * @param network      the network address
 * @param prefixLength leading bits that must match (0 to 32, or 0 to 128)
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + bits
                    + " for " + network.getHostAddress());
        }
        byte[] masked = mask(network.getAddress(), prefixLength);
        if (!java.util.Arrays.equals(masked, network.getAddress())) {
            throw new IllegalArgumentException("network " + network.getHostAddress() + "/" + prefixLength
                    + " has bits set to the right of the mask");
        }
    }

    /** Parses "192.0.2.0/24", "2001:db8::/32", or a bare address (a host route). */
    public static Cidr parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        InetAddress address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        int bits = address.getAddress().length * 8;
        if (slash < 0) {
            return new Cidr(address, bits);
        }
        String length = text.substring(slash + 1).strip();
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length after '/'");
        }
        return new Cidr(address, Integer.parseInt(length));
    }

    /** True when {@code address} is of the same family and inside this network. */
    public boolean contains(InetAddress address) {
        byte[] raw = address.getAddress();
        return raw.length == network.getAddress().length
                && java.util.Arrays.equals(mask(raw, prefixLength), network.getAddress());
    }

    static byte[] mask(byte[] address, int prefixLength) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
