package io.callsign.numbers;

import java.util.Locale;

/**
 * The one spelling of a SIP identity used to match subscriber_users against what the proxy sends:
 * {@code "Alice" <sip:alice@IMS.local;transport=tcp>} and {@code alice@ims.local} are the same user.
 * The user part keeps its case (RFC 3261 §19.1.4: it is case-sensitive); the host does not.
 */
public final class SipUser {

    private SipUser() {
    }

    /** The normalised identity, or null when nothing usable is left. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        int open = s.indexOf('<');
        int close = s.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            s = s.substring(open + 1, close);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sip:")) {
            s = s.substring(4);
        } else if (lower.startsWith("sips:")) {
            s = s.substring(5);
        }
        // user parameters (";npdi") may precede the '@'; URI parameters and headers follow the host
        int at = s.indexOf('@');
        String user = at < 0 ? "" : cutAt(s.substring(0, at), ';');
        String host = cutAt(cutAt(at < 0 ? s : s.substring(at + 1), ';'), '?').strip();
        s = at < 0 ? host : user + "@" + host.toLowerCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    private static String cutAt(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s : s.substring(0, i);
    }
}
