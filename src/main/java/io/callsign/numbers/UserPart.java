package io.callsign.numbers;

import java.util.Locale;

/**
 * The number-bearing part of a URI, unescaped, with its RFC 3966 {@code phone-context} (or null).
 * Other parameters (RFC 3966 {@code isub}, {@code ext}; RFC 4904 {@code tgrp}, {@code trunk-context};
 * RFC 4694 {@code npdi}, {@code rn}, {@code cic}) describe routing, not identity, and are dropped.
 */
record UserPart(String number, String phoneContext) {

    /** {@code user[;params][:password]@host...} (SIP, {@code requireHost}) or a bare number. */
    static UserPart of(String rest, boolean requireHost) {
        int at = rest.indexOf('@');
        if (at < 0 && requireHost) {
            throw new NotATelephoneNumberException("the SIP URI '" + TelephoneNumberParser.shorten(rest)
                    + "' has no user part, so it names no telephone number");
        }
        String user = at < 0 ? rest : rest.substring(0, at);
        String host = at < 0 ? "" : rest.substring(at + 1);
        int password = user.indexOf(':');
        if (password >= 0) {
            user = user.substring(0, password);
        }
        // RFC 3323 §4.1.1.3: sip:anonymous@anonymous.invalid; either half alone also means anonymous.
        UserPart part = ofTel(user);
        if (host.toLowerCase(Locale.ROOT).startsWith("anonymous.invalid")) {
            throw new NotATelephoneNumberException("the calling party is anonymous");
        }
        return part;
    }

    /** RFC 3966 {@code number *(";" param)}: keeps phone-context, drops the rest. */
    static UserPart ofTel(String rest) {
        String[] pieces = rest.split(";", 32);
        String context = null;
        for (int i = 1; i < pieces.length; i++) {
            String param = unescape(pieces[i]).strip();
            if (param.toLowerCase(Locale.ROOT).startsWith("phone-context=")) {
                context = param.substring("phone-context=".length()).strip();
            }
        }
        String number = unescape(pieces[0]).strip();
        if (number.equalsIgnoreCase("anonymous")) {
            throw new NotATelephoneNumberException("the calling party is anonymous");
        }
        return new UserPart(number, context);
    }

    /** RFC 3986 §2.1 percent-decoding of ASCII; anything else makes the value no number. */
    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int value = i + 2 < s.length() ? hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)) : -1;
                if (value < 0 || value > 0x7f) {
                    throw new NotATelephoneNumberException("'" + TelephoneNumberParser.shorten(s)
                            + "' has a broken or non-ASCII %-escape");
                }
                out.append((char) value);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        int v = Character.digit(c, 16);
        return v < 0 || c > 'f' ? -0x1000 : v;
    }
}
