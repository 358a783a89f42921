package io.callsign.provisioning;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation, checked the way PostgreSQL's {@code cidr} type checks it (no host bits
 * outside the mask), so the API can name the bad element instead of failing the whole statement.
 * Parsing never touches DNS: IPv4 is parsed here, and IPv6 reaches {@link InetAddress} only as a
 * literal (hex digits and colons), which the JDK parses without a lookup.
 */
record Cidr(InetAddress address, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    /** Parses {@code text}; a bare address means a single host (/32 or /128). */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        InetAddress address = address(slash < 0 ? text : text.substring(0, slash));
        int max = address.getAddress().length * 8;
        int length = slash < 0 ? max : length(text.substring(slash + 1), max);
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < max; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("has bits set to the right of /" + length
                        + "; use " + new Cidr(masked(bytes, length), length));
            }
        }
        return new Cidr(address, length);
    }

    /** Parses an IP address literal (never a host name). */
    static InetAddress address(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                byte[] bytes = new byte[4];
                String[] parts = text.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(parts[i]);
                    if (octet > 255) {
                        throw new IllegalArgumentException("octet " + octet + " is above 255");
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (text.contains(":") && IPV6.matcher(text).matches()) {
                InetAddress parsed = InetAddress.getByName(text);
                if (parsed instanceof Inet6Address) {
                    return parsed;
                }
                throw new IllegalArgumentException("is an IPv4-mapped address; write it as IPv4");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("is not an IP address");
        }
        throw new IllegalArgumentException("is not an IP address");
    }

    private static int length(String text, int max) {
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > max) {
            throw new IllegalArgumentException("prefix length must be 0-" + max);
        }
        return Integer.parseInt(text);
    }

    private static InetAddress masked(byte[] bytes, int length) {
        byte[] copy = bytes.clone();
        for (int bit = length; bit < copy.length * 8; bit++) {
            copy[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(copy);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        return (zone < 0 ? host : host.substring(0, zone)) + "/" + prefixLength;
    }
}
