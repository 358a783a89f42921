package io.callsign.verification;

/**
 * Keeps untrusted input and long diagnostics short in responses and logs, so a verdict stays well
 * under 8 KiB whatever the request carried, and control characters never reach a log line raw.
 */
final class Bounded {

    private static final int QUOTE = 80;

    private Bounded() {
    }

    /** Input quoted inside a message: at most 80 characters, non-printables escaped. */
    static String quote(String s) {
        return text(s, QUOTE);
    }

    /** {@code s} cut to {@code max} characters (marked with "..."), non-printables escaped; null stays null. */
    static String text(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), max) + 8);
        int i = 0;
        for (; i < s.length() && out.length() < max; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return i < s.length() ? out + "..." : out.toString();
    }
}
