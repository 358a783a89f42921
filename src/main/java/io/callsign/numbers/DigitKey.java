package io.callsign.numbers;

/**
 * Packs a string of 1 to 15 decimal digits into a long: the length in the bits above 2^50 and the
 * value below (10^15 < 2^50), so "0123" and "123" get different keys. No boxing, no String kept.
 */
final class DigitKey {

    static final int MAX_DIGITS = 15;
    static final long INVALID = -1;
    private static final int LENGTH_SHIFT = 50;

    private DigitKey() {
    }

    /** The key of {@code digits}, or {@link #INVALID} when it is not 1 to 15 ASCII digits. */
    static long encode(CharSequence digits) {
        return encode(digits, digits == null ? 0 : digits.length());
    }

    /** The key of the first {@code length} characters of {@code digits}, or {@link #INVALID}. */
    static long encode(CharSequence digits, int length) {
        if (digits == null || length < 1 || length > MAX_DIGITS || length > digits.length()) {
            return INVALID;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return ((long) length << LENGTH_SHIFT) | value;
    }

    /** The key of {@code value} written with exactly {@code length} digits (leading zeros kept). */
    static long of(long value, int length) {
        return ((long) length << LENGTH_SHIFT) | value;
    }

    static String decode(long key) {
        int length = (int) (key >>> LENGTH_SHIFT);
        long value = key & ((1L << LENGTH_SHIFT) - 1);
        char[] out = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(out);
    }

    /** The digits as a key, or an exception naming the input (for public entry points). */
    static long require(String digits, String what) {
        long key = encode(digits);
        if (key == INVALID) {
            throw new IllegalArgumentException(what + " '" + digits
                    + "' is not a canonical E.164 number: expected 1 to 15 digits without '+'");
        }
        return key;
    }
}
