package io.callsign.signing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The SIP Date header: RFC 3261 §20.17 / RFC 1123 form, always GMT. Thread-safe: {@link #format}
 * remembers the last second it formatted in one immutable holder, because every unsigned-Date call
 * within the same second needs the same text.
 */
public final class SipDate {

    // RFC 3261 §25.1 rfc1123-date: wkday "," SP 2DIGIT SP month SP 4DIGIT SP time SP "GMT"; STRICT
    // resolution also refuses a weekday that does not match the date, and 24:00:00 or Feb 30.
    private static final DateTimeFormatter FORMAT = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private record Formatted(long epochSecond, String text) {
    }

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private SipDate() {
    }

    /** E.g. {@code Mon, 30 Nov 2026 03:00:00 GMT}; the fraction of a second is dropped. */
    public static String format(Instant instant) {
        long second = instant.getEpochSecond();
        Formatted cached = last;
        if (cached.epochSecond() == second) {
            return cached.text();
        }
        String text = FORMAT.format(Instant.ofEpochSecond(second));
        last = new Formatted(second, text);
        return text;
    }

    /**
     * Parses strictly as RFC 1123 GMT (SEC-11): no numeric offsets, no missing weekday, two-digit day.
     * Throws {@link IllegalArgumentException} quoting the offending text.
     */
    public static Instant parse(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), FORMAT).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + SignInput.shorten(text)
                    + "' is not a SIP Date (RFC 3261 §20.17, e.g. Mon, 30 Nov 2026 03:00:00 GMT)");
        }
    }
}
