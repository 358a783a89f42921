package io.callsign.passport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tolerant Identity header parser behind {@link IdentityHeaderCodec#parse}: RFC 8224 §4 ABNF with
 * RFC 3261 §25.1 SWS around {@code ;} and {@code =}, folded lines, case-insensitive names (HDR-09).
 * One instance per header value; not thread-safe. Longer than most classes because a cursor parser
 * reads best in one place.
 */
final class IdentityHeaderParser {

    private static final Pattern HEADER_NAME = Pattern.compile("[ \t]*(?i:identity|y)[ \t]*:");
    private static final String TOKEN_CHARS = "-.!%*_+`'~";

    private final String text;
    private int pos;

    private IdentityHeaderParser(String text) {
        this.text = text;
    }

    static IdentityHeader parse(String headerValue) {
        if (headerValue == null || headerValue.isBlank()) {
            throw invalid("the Identity header is empty");
        }
        if (headerValue.length() > IdentityHeaderCodec.MAX_HEADER_CHARS) {
            throw invalid("the Identity header is " + headerValue.length() + " characters; the limit is "
                    + IdentityHeaderCodec.MAX_HEADER_CHARS + " (SEC-09)");
        }
        String unfolded = unfold(headerValue.strip());
        IdentityHeaderParser parser = new IdentityHeaderParser(withoutHeaderName(unfolded));
        String token = parser.token();
        return IdentityHeaderCodec.build(token, parser.params());
    }

    /**
     * A value pasted with its header name ("Identity:" or the compact "y:") loses it. A PASSporT starts
     * with base64url of '{' ("ey"), so only a value starting with i or y can carry a name; the
     * expression runs only then.
     */
    private static String withoutHeaderName(String value) {
        int first = 0;
        while (first < value.length() && isWhitespace(value.charAt(first))) {
            first++;
        }
        char c = first < value.length() ? Character.toLowerCase(value.charAt(first)) : ' ';
        if (c != 'i' && c != 'y') {
            return value;
        }
        Matcher name = HEADER_NAME.matcher(value);
        return name.lookingAt() ? value.substring(name.end()) : value;
    }

    // RFC 3261 §25.1 LWS: a line break is allowed only as a fold, i.e. followed by SP or HTAB.
    private static String unfold(String value) {
        if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                int next = c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n' ? i + 2 : i + 1;
                if (next >= value.length() || !isWhitespace(value.charAt(next))) {
                    throw invalid("the Identity header has a line break that is not a fold (RFC 3261 §7.3.1)");
                }
                i = next - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String token() {
        skipWhitespace();
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != ';' && !isWhitespace(text.charAt(pos))) {
            char c = text.charAt(pos++);
            if (c <= 0x20 || c >= 0x7f) {
                throw invalid("the PASSporT in the Identity header has " + String.format("U+%04X", (int) c)
                        + " at offset " + (pos - 1 - start) + " (RFC 8224 §4, HDR-02)");
            }
        }
        if (pos == start) {
            throw invalid("the Identity header has no PASSporT before its parameters (RFC 8224 §4)");
        }
        return text.substring(start, pos);
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        while (skipWhitespace() < text.length()) {
            if (text.charAt(pos) != ';') {
                throw invalid("expected ';' at offset " + pos + " of the Identity header, found '"
                        + Texts.quote(String.valueOf(text.charAt(pos))) + "' (RFC 8224 §4)");
            }
            pos++;
            skipWhitespace();
            String name = name();
            String value = "";
            if (skipWhitespace() < text.length() && text.charAt(pos) == '=') {
                pos++;
                skipWhitespace();
                value = value(name);
            }
            if (params.put(name, value) != null) {
                throw invalid("the Identity header has parameter '" + Texts.quote(name) + "' twice");
            }
        }
        return params;
    }

    private String name() {
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw invalid("the Identity header has a ';' not followed by a parameter name (offset " + start + ")");
        }
        return text.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    /** A parameter value: {@code <uri>} (kept with brackets), a quoted string (unquoted) or a token. */
    private String value(String name) {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '<') {
            int end = text.indexOf('>', pos);
            if (end < 0) {
                throw new PassportException(Reason.BAD_IDENTITY_INFO, "parameter '" + Texts.quote(name)
                        + "' opens '<' without closing '>' (RFC 8224 §4, HDR-01)");
            }
            pos = end + 1;
            return text.substring(start, pos);
        }
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted(name);
        }
        while (pos < text.length() && text.charAt(pos) != ';' && !isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    // RFC 3261 §25.1 quoted-string with quoted-pair escapes.
    private String quoted(String name) {
        StringBuilder out = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\' && pos + 1 < text.length()) {
                c = text.charAt(++pos);
            }
            out.append(c);
        }
        throw invalid("parameter '" + Texts.quote(name) + "' has an unterminated quoted string");
    }

    private int skipWhitespace() {
        while (pos < text.length() && isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_CHARS.indexOf(c) >= 0;
    }

    static PassportException invalid(String detail) {
        return new PassportException(Reason.INVALID_IDENTITY_HEADER, detail);
    }
}
