package io.callsign.numbers;

import java.util.Locale;

/**
 * The parser behind {@link TelephoneNumber#parse}: from a header value or URI to the user part and
 * its {@code phone-context}, then to canonical digits ({@link NationalNumbers}). Every failure is a
 * {@link NotATelephoneNumberException}; input is bounded, and no regular expression backtracks on it.
 */
final class TelephoneNumberParser {

    static final int MAX_INPUT = 2048;
    /** RFC 3986 §3.1 scheme, bounded to 32 characters here (no registered scheme is longer). */
    private static final int MAX_SCHEME = 32;

    private TelephoneNumberParser() {
    }

    static TelephoneNumber parse(String input, String defaultCountryCode) {
        String cc = NationalNumbers.countryCode(defaultCountryCode);
        if (input == null || input.isBlank()) {
            throw new NotATelephoneNumberException("no number was given");
        }
        if (input.length() > MAX_INPUT) {
            throw new NotATelephoneNumberException("the value is " + input.length()
                    + " characters, too long for a telephone number or URI");
        }
        UserPart user = userPart(addrSpec(input.strip()));
        String context = user.phoneContext();
        String effectiveCc = context != null && context.startsWith("+")
                ? NationalNumbers.contextCountryCode(context) : cc;
        return new TelephoneNumber(NationalNumbers.canonical(user.number(), effectiveCc));
    }

    /** RFC 3261 §20.10 name-addr: drops a display name, the angle brackets and header params. */
    static String addrSpec(String value) {
        String rest = value;
        if (rest.startsWith("\"")) {
            int close = closingQuote(rest);
            if (close < 0) {
                throw new NotATelephoneNumberException("the display name of '" + shorten(value) + "' is not closed");
            }
            rest = rest.substring(close + 1);
        }
        int open = rest.indexOf('<');
        if (open >= 0) {
            int close = rest.indexOf('>', open);
            if (close < 0) {
                throw new NotATelephoneNumberException("'" + shorten(value) + "' opens '<' without closing '>'");
            }
            return rest.substring(open + 1, close).strip();
        }
        if (rest != value) {
            throw new NotATelephoneNumberException("'" + shorten(value) + "' has a display name but no <URI>");
        }
        return rest;
    }

    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }

    /** The user part of a sip:, sips: or tel: URI, or of a bare {@code number[@host]}. */
    static UserPart userPart(String addr) {
        int colon = schemeEnd(addr);
        if (colon < 0) {
            return UserPart.of(addr, false);
        }
        String name = addr.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = addr.substring(colon + 1);
        return switch (name) {
            case "sip", "sips" -> UserPart.of(rest, true);
            case "tel" -> UserPart.ofTel(rest);
            default -> throw new NotATelephoneNumberException("URI scheme '" + shorten(name)
                    + "' is not sip, sips or tel, so it names no telephone number");
        };
    }

    /** Index of the ':' ending a leading {@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}, or -1. */
    private static int schemeEnd(String addr) {
        for (int i = 0; i < addr.length() && i <= MAX_SCHEME; i++) {
            char c = addr.charAt(i);
            if (c == ':') {
                return i == 0 ? -1 : i;
            }
            boolean alpha = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
            if (!alpha && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return -1;
            }
        }
        return -1;
    }

    static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
