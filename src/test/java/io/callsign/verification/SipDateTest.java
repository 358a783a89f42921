package io.callsign.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SEC-11: the hand reader of SIP dates accepts exactly what the JDK's RFC 1123 formatter accepts. */
class SipDateTest {

    private static final DateTimeFormatter SIP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** The formatter-only reading, as before the hand reader existed: the reference. */
    private static String reference(String text) {
        String trimmed = text.trim();
        if (!trimmed.endsWith(" GMT") || trimmed.length() > 64) {
            return "refused";
        }
        try {
            return ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toString();
        } catch (DateTimeException e) {
            return "refused";
        }
    }

    private static String hand(String text) {
        try {
            return SipDate.parse(text).toString();
        } catch (DateTimeException e) {
            return "refused";
        }
    }

    @Test
    void sec11_theUsualFormGivesItsInstant() {
        assertThat(SipDate.parse("Mon, 30 Nov 2026 03:00:00 GMT")).isEqualTo(Instant.parse("2026-11-30T03:00:00Z"));
        assertThat(SipDate.parse("  Thu, 29 Feb 2024 23:59:59 GMT ")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    @Test
    void sec11_edgeCasesAreJudgedAsTheFormatterJudgesThem() {
        String[] cases = {
            "Tue, 30 Nov 2026 03:00:00 GMT", // wrong weekday
            "Mon, 30 Nov 2026 24:00:00 GMT", "Mon, 30 Nov 2026 23:60:00 GMT", "Mon, 30 Nov 2026 23:59:60 GMT",
            "Thu, 29 Feb 2023 00:00:00 GMT", "Sat, 31 Apr 2026 00:00:00 GMT", "Mon, 00 Nov 2026 00:00:00 GMT",
            "mon, 30 nov 2026 03:00:00 GMT", "MON, 30 NOV 2026 03:00:00 GMT", "Mon, 3 Nov 2026 03:00:00 GMT",
            "30 Nov 2026 03:00:00 GMT", "Mon, 30 Nov 2026 03:00 GMT", "Mon, 30 Nov 26 03:00:00 GMT",
            "Mon, 30 Nov 2026 03:00:00 +0000", "Mon, 30 Nov 2026 03:00:00 UTC", "Mon,30 Nov 2026 03:00:00 GMT",
            "Mon, 30 Nov 2026 03:00:00  GMT", "Mon, 30 Xyz 2026 03:00:00 GMT", "Mon, 3O Nov 2026 03:00:00 GMT",
            "Mon, 30 Nov 0000 03:00:00 GMT", "Mon, 30 Nov 2026 03:00:00 GMT\n", "", " GMT",
        };
        for (String text : cases) {
            assertThat(hand(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void sec11_randomDatesAndMutationsOfThemAreJudgedAsTheFormatterJudgesThem() {
        Random random = new Random(8224);
        String alphabet = "0123456789 :,MonTueWedThuFriSatSunJanFebDecGMT+-x";
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong() % 8_000_000_000L + 4_000_000_000L;
            char[] text = SIP.format(Instant.ofEpochSecond(Math.abs(second))).toCharArray();
            int mutations = random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String candidate = new String(text);
            assertThat(hand(candidate)).as(candidate).isEqualTo(reference(candidate));
        }
    }

    @Test
    void sec11_aNumericOffsetIsRefusedEvenThoughTheFormatterTakesIt() {
        assertThatThrownBy(() -> SipDate.parse("Mon, 30 Nov 2026 03:00:00 +0000")).isInstanceOf(DateTimeException.class);
    }
}
