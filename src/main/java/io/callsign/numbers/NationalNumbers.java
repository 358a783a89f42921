package io.callsign.numbers;

/**
 * RFC 8224 §8.3 (SIGN-09) steps 1–3: visual separators out, then national to international.
 *
 * <p>The rule is deliberately small. A number is global when written with {@code +}. Otherwise, with a
 * country code known (from {@code phone-context=+cc}, else the configured default):
 * <ul>
 *   <li>country code 1 (NANP): {@code 011} + number is international (prefix dropped); exactly 10
 *       digits is national and gets {@code 1} in front; anything else is kept as written;</li>
 *   <li>any other code: {@code 00} + number is international (prefix dropped); {@code 0} + number is
 *       national with a trunk prefix, which is replaced by the code; anything else is kept.</li>
 * </ul>
 * Service codes starting with {@code *} or {@code #} are kept as written (RFC 8224 §8.3 tn-spec).
 */
final class NationalNumbers {

    private static final String SEPARATORS = "-.() \t";

    private NationalNumbers() {
    }

    /** The configured default code, "+" optional; null or blank means none. */
    static String countryCode(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String cc = configured.strip().startsWith("+") ? configured.strip().substring(1) : configured.strip();
        if (cc.isEmpty() || cc.length() > 3 || cc.charAt(0) == '0' || !allDigits(cc, 0)) {
            throw new IllegalArgumentException("default country code '" + TelephoneNumberParser.shorten(configured)
                    + "' must be 1 to 3 digits, e.g. 1 or 33");
        }
        return cc;
    }

    /** The digits of a global {@code phone-context} such as {@code +1} or {@code +1-215}. */
    static String contextCountryCode(String context) {
        String digits = stripSeparators(context.substring(1));
        if (digits.isEmpty() || digits.length() > 6 || !allDigits(digits, 0)) {
            throw new NotATelephoneNumberException("phone-context '" + TelephoneNumberParser.shorten(context)
                    + "' is not a global number prefix such as +1");
        }
        return digits;
    }

    /** Canonical digits of {@code number}, or the human reason it is none. */
    static String canonical(String number, String cc) {
        String visual = stripSeparators(number);
        boolean global = visual.startsWith("+");
        String body = global ? visual.substring(1) : visual;
        boolean service = !global && !body.isEmpty() && (body.charAt(0) == '*' || body.charAt(0) == '#');
        if (body.isEmpty() || !allDigits(body, service ? 1 : 0) || service && body.length() == 1) {
            throw new NotATelephoneNumberException("user part '" + TelephoneNumberParser.shorten(number)
                    + "' is not a telephone number");
        }
        String digits = global || service || cc == null ? body : international(body, cc);
        int count = digits.length() - (service ? 1 : 0);
        if (count > 15) {
            throw new NotATelephoneNumberException("'" + TelephoneNumberParser.shorten(number) + "' has "
                    + count + " digits; E.164 allows at most 15");
        }
        return digits;
    }

    private static String international(String body, String cc) {
        if (cc.equals("1")) {
            if (body.startsWith("011") && body.length() > 3) {
                return body.substring(3);
            }
            return body.length() == 10 ? "1" + body : body;
        }
        if (body.startsWith("00") && body.length() > 2) {
            return body.substring(2);
        }
        return body.startsWith("0") && body.length() > 1 ? cc + body.substring(1) : body;
    }

    private static String stripSeparators(String s) {
        if (!hasSeparator(s)) {
            return s; // the common case on the call path: nothing to copy
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (SEPARATORS.indexOf(s.charAt(i)) < 0) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean hasSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (SEPARATORS.indexOf(s.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
