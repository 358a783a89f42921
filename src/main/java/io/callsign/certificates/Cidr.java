package io.callsign.certificates;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address block such as {@code 10.0.0.0/8} or {@code fc00::/7}. Immutable. */
final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    // Starts with a hex digit or ':' and holds a ':', so the JDK parses it as an IPv6 literal and
    // throws on bad syntax instead of falling back to a name lookup.
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses {@code address/prefix}, or a bare address as a single-host block. No DNS is involved. */
    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR"))
                .getAddress();
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no numeric prefix length");
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("'" + text + "' has prefix length out of range");
            }
        }
        return new Cidr(bytes, prefix, text);
    }

    /**
     * An IP literal as an address, without any name lookup: the text is checked against the literal
     * syntax first because {@link InetAddress#getByName} would query DNS for anything else.
     */
    static Optional<InetAddress> literal(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                int[] octets = Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
                if (Arrays.stream(octets).anyMatch(o -> o > 255)) {
                    return Optional.empty();
                }
                byte[] bytes = {(byte) octets[0], (byte) octets[1], (byte) octets[2], (byte) octets[3]};
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            return IPV6.matcher(text).matches() ? Optional.of(InetAddress.getByName(text)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
