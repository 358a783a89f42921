package io.callsign.rtjson;

/**
 * One SIP header line that Callsign adds to a route, {@code Name: value}. The value must be one line
 * of visible text: a CR or LF would end the header and start another one (header injection), so it is
 * refused here, whatever produced the value.
 *
 * @param name  header name, e.g. {@code Identity}
 * @param value header value, one line
 */
public record HeaderLine(String name, String value) {

    public HeaderLine {
        requireOneLine("name", name);
        requireOneLine("value", value);
        if (name.isEmpty() || name.indexOf(':') >= 0 || name.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("header name '" + name + "' is not a SIP token");
        }
    }

    /** RFC 3261 §7.3.1: {@code name: value} and the line's CRLF. */
    String wire() {
        return name + ": " + value + "\r\n";
    }

    private static void requireOneLine(String what, String s) {
        if (s == null) {
            throw new IllegalArgumentException("header " + what + " is null");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException("header " + what + " contains control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
    }
}
