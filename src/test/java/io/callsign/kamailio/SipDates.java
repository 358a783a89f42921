package io.callsign.kamailio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The SIP Date header form (RFC 3261 §20.17: rfc1123-date with a two-digit day, always GMT). */
final class SipDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private SipDates() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
