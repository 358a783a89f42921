package io.callsign.verification;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The SIP Date header: RFC 3261 §20.17 SIP-date is an RFC 1123 date, always GMT (SEC-11). Nearly
 * every Date is in the exact form {@code Mon, 30 Nov 2026 03:00:00 GMT}, which is read by hand here:
 * the JDK's RFC 1123 formatter costs more than all the other checks of the Date step. Anything else,
 * and anything the hand reader is not sure of (such as 24:00:00, a lower-case name or a weekday that
 * does not match), goes to the formatter, so the accepted inputs and their instants stay the
 * formatter's. Stateless.
 */
final class SipDate {

    private static final String DAYS = "MonTueWedThuFriSatSun";
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private SipDate() {
    }

    /** @throws DateTimeException when {@code text} is not an RFC 1123 GMT date */
    static Instant parse(String text) {
        String trimmed = text.trim();
        // The JDK formatter also takes numeric offsets, which SIP does not allow, hence the suffix check.
        if (!trimmed.endsWith(" GMT") || trimmed.length() > 64) {
            throw new DateTimeException("not GMT");
        }
        Instant exact = exactForm(trimmed);
        return exact != null ? exact : ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** {@code Www, DD Mmm YYYY HH:MM:SS GMT} with consistent values, else null (the formatter decides). */
    private static Instant exactForm(String s) {
        if (s.length() != 29 || s.charAt(3) != ',' || s.charAt(4) != ' ' || s.charAt(7) != ' ' || s.charAt(11) != ' '
                || s.charAt(16) != ' ' || s.charAt(19) != ':' || s.charAt(22) != ':') {
            return null;
        }
        int weekday = name(DAYS, s, 0);
        int month = name(MONTHS, s, 8);
        int day = number(s, 5, 2);
        int year = number(s, 12, 4);
        int hour = number(s, 17, 2);
        int minute = number(s, 20, 2);
        int second = number(s, 23, 2);
        if (weekday < 0 || month < 0 || year < 0 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (date.getDayOfWeek().getValue() != weekday) {
            return null;
        }
        return date.atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** 1-based position of the three letters at {@code at} in {@code names}, or -1. */
    private static int name(String names, String s, int at) {
        for (int i = 0; i < names.length(); i += 3) {
            if (names.regionMatches(i, s, at, 3)) {
                return i / 3 + 1;
            }
        }
        return -1;
    }

    /** The decimal number of {@code length} ASCII digits at {@code at}, or -1. */
    private static int number(String s, int at, int length) {
        int value = 0;
        for (int i = at; i < at + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
