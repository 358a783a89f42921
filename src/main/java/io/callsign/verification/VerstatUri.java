package io.callsign.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Puts {@code ;verstat=<value>} on the telephone-number URIs of a P-Asserted-Identity or From value
 * (3GPP TS 24.229 §7.2A.20, VER-18): as a tel URI parameter, or in the user part of a SIP URI.
 * Any verstat already there is removed first: a previous hop's verdict is never passed on (VER-19).
 * The result is always in name-addr form, since a URI with parameters needs angle brackets
 * (RFC 3261 §20). Stateless.
 */
final class VerstatUri {

    /** Longer header values are left alone rather than echoed into the response. */
    static final int MAX_VALUE = 512;

    private static final Pattern VERSTAT = Pattern.compile("(?i);verstat=[^;@>?,]*");

    private VerstatUri() {
    }

    /** The header value with verstat on each of its tel/sip URIs, or empty when none can carry it. */
    static Optional<String> apply(String headerValue, String verstat) {
        if (headerValue == null || headerValue.isBlank() || headerValue.length() > MAX_VALUE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        boolean applied = false;
        for (String value : CallFacts.splitValues(headerValue)) {
            Optional<String> marked = one(value, verstat);
            applied |= marked.isPresent();
            out.add(marked.orElse(value));
        }
        return applied ? Optional.of(String.join(", ", out)) : Optional.empty();
    }

    private static Optional<String> one(String value, String verstat) {
        int open = angleBracket(value);
        String prefix;
        String uri;
        String suffix;
        if (open >= 0) {
            int close = value.indexOf('>', open);
            if (close < 0) {
                return Optional.empty();
            }
            prefix = value.substring(0, open);
            uri = value.substring(open + 1, close);
            suffix = value.substring(close + 1);
        } else {
            // addr-spec: a ';' starts header parameters (RFC 3261 §20), e.g. From's tag.
            int semi = value.indexOf(';', value.indexOf(':') + 1);
            if (value.regionMatches(true, 0, "tel:", 0, 4)) {
                semi = -1; // a bare tel URI keeps its own parameters; PAI has no header parameters
            }
            prefix = "";
            uri = semi < 0 ? value : value.substring(0, semi);
            suffix = semi < 0 ? "" : value.substring(semi);
        }
        return mark(uri.trim(), verstat).map(marked -> prefix + "<" + marked + ">" + suffix);
    }

    private static Optional<String> mark(String uri, String verstat) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            return Optional.of(VERSTAT.matcher(uri).replaceAll("") + ";verstat=" + verstat);
        }
        int colon = lower.startsWith("sip:") ? 3 : lower.startsWith("sips:") ? 4 : -1;
        int at = uri.indexOf('@');
        if (colon < 0 || at < 0) {
            return Optional.empty();
        }
        // Nearly every URI carries no verstat yet: look before running the expression.
        boolean carries = lower.contains(";verstat=");
        String user = carries ? VERSTAT.matcher(uri.substring(colon + 1, at)).replaceAll("") : uri.substring(colon + 1, at);
        String host = carries ? VERSTAT.matcher(uri.substring(at)).replaceAll("") : uri.substring(at);
        return Optional.of(uri.substring(0, colon + 1) + user + ";verstat=" + verstat + host);
    }

    /** The first '<' outside a quoted display name, or -1. */
    private static int angleBracket(String value) {
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
