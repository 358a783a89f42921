package io.callsign.signing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The SIP Date header: RFC 3261 §20.17 / RFC 1123 form, always GMT. */
public final class SipDate {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SipDate() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Parses strictly (SEC-11); throws {@link IllegalArgumentException} with the offending text. */
    public static Instant parse(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a SIP Date (e.g. Mon, 30 Nov 2026 03:00:00 GMT)");
        }
    }
}
