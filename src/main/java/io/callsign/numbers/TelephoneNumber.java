package io.callsign.numbers;

/**
 * A telephone number in the canonical form of RFC 8224 §8.3 (SIGN-09): E.164 digits without {@code +},
 * e.g. {@code 12155551212}, or a service code with a leading {@code *} or {@code #}, e.g. {@code *67}.
 * Immutable; {@link #toString()} is the digits.
 *
 * @param digits 1 to 15 ASCII digits, optionally after one leading {@code *} or {@code #}
 */
public record TelephoneNumber(String digits) {

    public TelephoneNumber {
        if (digits == null || !isCanonical(digits)) {
            throw new NotATelephoneNumberException("'" + TelephoneNumberParser.shorten(digits)
                    + "' is not a canonical number (1 to 15 digits, optionally after * or #)");
        }
    }

    /** A number already in canonical form (from the database, a JSON field), validated. */
    public static TelephoneNumber of(String digits) {
        return new TelephoneNumber(digits);
    }

    /**
     * Canonicalises a SIP/SIPS/tel URI, a name-addr header value, or a bare number (SIGN-09).
     *
     * @param uriOrNumber        e.g. {@code "Alice" <sip:+1 514-555-9876@ims.local;user=phone>;tag=x}
     * @param defaultCountryCode country code for national numbers, e.g. "1"; null or "" leaves them as
     *                           dialled (RFC 8224 §8.3 step 3 is skipped when it cannot be done)
     * @throws NotATelephoneNumberException with a human reason when the input names no number
     */
    public static TelephoneNumber parse(String uriOrNumber, String defaultCountryCode) {
        return TelephoneNumberParser.parse(uriOrNumber, defaultCountryCode);
    }

    /** {@code [#*]?[0-9]{1,15}}, checked without a regular expression (this runs twice per signed call). */
    public static boolean isCanonical(String s) {
        int from = !s.isEmpty() && (s.charAt(0) == '#' || s.charAt(0) == '*') ? 1 : 0;
        int count = s.length() - from;
        if (count < 1 || count > 15) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return digits;
    }
}
