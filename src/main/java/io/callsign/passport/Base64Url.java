package io.callsign.passport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Base64url without padding (RFC 7515 §2). Decoding is strict (§5.2; SEC-08, HDR-02): only
 * {@code A-Z a-z 0-9 - _}, no padding, no whitespace, and zero unused trailing bits so that each value
 * has one spelling; {@link Base64#getUrlDecoder()} alone would accept {@code =} padding and non-zero
 * trailing bits. Encoding writes into a caller's array at an offset, which {@link Base64} cannot.
 */
public final class Base64Url {

    private Base64Url() {
    }

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    /** Characters of the unpadded base64url form of {@code length} bytes. */
    public static int encodedLength(int length) {
        return length / 3 * 4 + (length % 3 == 0 ? 0 : length % 3 + 1);
    }

    /**
     * Writes the unpadded base64url form of {@code src[from, from + length)} into {@code dst} at
     * {@code at}, so that a whole Identity header is built in one array; the same output as
     * {@code Base64.getUrlEncoder().withoutPadding()}.
     *
     * @return the index in {@code dst} after the last character written
     */
    public static int encode(byte[] src, int from, int length, byte[] dst, int at) {
        int end = from + length;
        int i = from;
        for (; i + 2 < end; i += 3) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            dst[at++] = ALPHABET[bits >>> 18];
            dst[at++] = ALPHABET[bits >>> 12 & 0x3f];
            dst[at++] = ALPHABET[bits >>> 6 & 0x3f];
            dst[at++] = ALPHABET[bits & 0x3f];
        }
        if (end - i == 1) {
            int bits = (src[i] & 0xff) << 16;
            dst[at++] = ALPHABET[bits >>> 18];
            dst[at++] = ALPHABET[bits >>> 12 & 0x3f];
        } else if (end - i == 2) {
            int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8;
            dst[at++] = ALPHABET[bits >>> 18];
            dst[at++] = ALPHABET[bits >>> 12 & 0x3f];
            dst[at++] = ALPHABET[bits >>> 6 & 0x3f];
        }
        return at;
    }

    /** Decodes {@code jws[from, to)} as the segment called {@code name}, or throws 438. */
    static byte[] decode(String name, String jws, int from, int to) {
        if (from == to) {
            throw invalid(name + " segment is empty");
        }
        int last = 0;
        for (int i = from; i < to; i++) {
            last = value(jws.charAt(i));
            if (last < 0) {
                throw invalid(name + " segment has " + describe(jws.charAt(i)) + " at offset " + (i - from)
                        + "; base64url allows only A-Z a-z 0-9 - _ and no padding (RFC 7515 §2, SEC-08)");
            }
        }
        int rest = (to - from) % 4;
        if (rest == 1 || rest == 2 && (last & 0x0f) != 0 || rest == 3 && (last & 0x03) != 0) {
            throw invalid(name + " segment of " + (to - from) + " characters is not canonical base64url"
                    + " (impossible length or non-zero trailing bits)");
        }
        return Base64.getUrlDecoder().decode(jws.substring(from, to));
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : c == '_' ? 63 : -1;
    }

    private static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }

    private static PassportException invalid(String detail) {
        return new PassportException(Reason.INVALID_IDENTITY_HEADER, detail);
    }
}
