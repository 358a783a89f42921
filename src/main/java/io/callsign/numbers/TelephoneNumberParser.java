package io.callsign.numbers;

/** The parser behind {@link TelephoneNumber#parse}. */
final class TelephoneNumberParser {

    private TelephoneNumberParser() {
    }

    static TelephoneNumber parse(String input, String defaultCountryCode) {
        throw new NotATelephoneNumberException("parser not implemented yet");
    }

    static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
