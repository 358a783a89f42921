package io.callsign.numbers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parser behind {@link TelephoneNumber#parse}: from a header value or URI to the user part and
 * its {@code phone-context}, then to canonical digits ({@link NationalNumbers}). Every failure is a
 * {@link NotATelephoneNumberException}; input is bounded, and no regular expression backtracks on it.
 */
final class TelephoneNumberParser {

    static final int MAX_INPUT = 2048;
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]{0,31}):");

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
        Matcher scheme = SCHEME.matcher(addr);
        if (!scheme.lookingAt()) {
            return UserPart.of(addr, false);
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = addr.substring(scheme.end());
        return switch (name) {
            case "sip", "sips" -> UserPart.of(rest, true);
            case "tel" -> UserPart.ofTel(rest);
            default -> throw new NotATelephoneNumberException("URI scheme '" + shorten(name)
                    + "' is not sip, sips or tel, so it names no telephone number");
        };
    }

    static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
