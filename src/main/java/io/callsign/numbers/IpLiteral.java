package io.callsign.numbers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IPv4 and IPv6 address literals without ever touching DNS ({@code InetAddress.getByName}
 * would resolve anything that is not a literal). IPv4-mapped IPv6 addresses come back as IPv4.
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /** The address, or an exception naming the input when it is not an IP literal. */
    public static InetAddress parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text
                + "' is not an IP address literal (expected e.g. 192.0.2.10 or 2001:db8::1)"));
    }

    public static Optional<InetAddress> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        byte[] bytes = s.indexOf(':') >= 0 ? v6(s) : v4(s);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty(); // unreachable: the length is 4 or 16
        }
    }

    /** Dotted decimal, exactly four octets of 1 to 3 digits each; parsed in place (it runs per call). */
    private static byte[] v4(String s) {
        byte[] out = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else if (c == '.' && digits > 0 && value <= 255 && octet < 4) {
                out[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return octet == 4 ? out : null;
    }

    private static byte[] v6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap < 0 ? groups(s) : groups(s.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(s.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int used = head.length + tail.length;
        if (gap < 0 ? used != 8 : used > 7) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(out, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(out, 8 - tail.length + i, tail[i]);
        }
        return out;
    }

    private static void put(byte[] out, int group, int value) {
        out[2 * group] = (byte) (value >>> 8);
        out[2 * group + 1] = (byte) value;
    }

    /** 16-bit groups of "a:b:c" (an IPv4 tail counts as two groups); empty string = none. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        boolean v4Tail = parts[parts.length - 1].indexOf('.') >= 0;
        int[] out = new int[parts.length + (v4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length - (v4Tail ? 1 : 0); i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4 || !isHex(parts[i])) {
                return null;
            }
            out[i] = Integer.parseInt(parts[i], 16);
        }
        if (v4Tail) {
            byte[] v4 = v4(parts[parts.length - 1]);
            if (v4 == null) {
                return null;
            }
            out[out.length - 2] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
            out[out.length - 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
        }
        return out;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
