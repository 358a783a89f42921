package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callsign.http.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One CSV row of a number import: the same rules as the API, and its COPY line. */
class ImportRowTest {

    private static String copy(String... fields) {
        StringBuilder out = new StringBuilder();
        ImportRow.parse(List.of(fields)).appendCopy(7, out);
        return out.toString();
    }

    @Test
    void normalisesARowIntoACopyLine() {
        assertThat(copy("+15145559876", " acct-42 ", "TRUE")).isEqualTo("7,15145559876,acct-42,true,,\n");
        assertThat(copy("1", "a", "0", "2026-01-01", "2026-06-01T12:00:00+02:00"))
                .isEqualTo("7,1,a,false,2026-01-01T00:00:00Z,2026-06-01T12:00:00+02:00\n");
        assertThat(copy("1", "a", "", "", "")).isEqualTo("7,1,a,false,,\n");
    }

    @Test
    void refusesBadRowsWithTheReason() {
        assertThatThrownBy(() -> ImportRow.parse(List.of("1", "a"))).hasMessage("2 field(s); expected " + ImportRow.COLUMNS);
        assertThatThrownBy(() -> ImportRow.parse(List.of("1", "a", "true", "", "", "x")))
                .hasMessage("6 field(s); expected " + ImportRow.COLUMNS);
        assertThatThrownBy(() -> ImportRow.parse(List.of("1-2", "a", "true"))).hasMessage("field 'tn': '1-2' is not 1-15 digits");
        assertThatThrownBy(() -> ImportRow.parse(List.of("1", "a b", "true"))).hasMessageStartingWith("field 'subscriber': 'a b'");
        assertThatThrownBy(() -> ImportRow.parse(List.of("1", "a", "si"))).hasMessage("field 'verified': 'si' is not true or false");
        assertThatThrownBy(() -> ImportRow.parse(List.of("1", "a", "t", "2026-13-01")))
                .hasMessageStartingWith("field 'valid_from': '2026-13-01' is not a date-time");
        assertThatThrownBy(() -> ImportRow.parse(List.of("1", "a", "t", "2026-02-01", "2026-02-01")))
                .hasMessage("valid_until 2026-02-01 is not after valid_from 2026-02-01");
    }

    @Test
    void recognisesAndChecksTheHeader() {
        assertThat(ImportRow.isHeader(List.of("TN", "subscriber", "verified"))).isTrue();
        assertThat(ImportRow.isHeader(List.of("15145559876", "a", "t"))).isFalse();
        ImportRow.checkHeader(List.of("tn", "subscriber", "verified", "valid_from"));
        assertThatThrownBy(() -> ImportRow.checkHeader(List.of("tn", "verified", "subscriber"))).isInstanceOf(Problem.class)
                .hasMessage("line 1: header 'tn,verified,subscriber' does not match " + ImportRow.COLUMNS);
    }
}
