package io.callsign.passport;

/** Quoting of untrusted input inside error details: bounded length, control characters made visible. */
final class Texts {

    private static final int MAX = 80;

    private Texts() {
    }

    /** {@code s} shortened to 80 characters with non-printable characters escaped, for a message. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
        int i = 0;
        for (; i < s.length() && out.length() < MAX; i++) {
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
