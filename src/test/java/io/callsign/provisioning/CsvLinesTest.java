package io.callsign.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Line reading (bounded, CRLF or LF, numbered) and RFC 4180 field splitting. */
class CsvLinesTest {

    private static List<String> lines(String text) throws IOException {
        CsvLines lines = new CsvLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<String> result = new ArrayList<>();
        for (String line = lines.next(); line != null; line = lines.next()) {
            result.add(lines.number() + ":" + (lines.truncated() ? "TRUNCATED" : line));
        }
        return result;
    }

    @Test
    void readsLfAndCrlfLinesWithNumbersAndALastLineWithoutNewline() throws IOException {
        assertThat(lines("a\r\nb\n\nc")).containsExactly("1:a", "2:b", "3:", "4:c");
        assertThat(lines("")).isEmpty();
        assertThat(lines("é,ü\n")).containsExactly("1:é,ü");
    }

    @Test
    void cutsOverlongLinesWithoutKeepingThem() throws IOException {
        String longLine = "9".repeat(CsvLines.MAX_LINE + 10);
        assertThat(lines("1\n" + longLine + "\n2\n")).containsExactly("1:1", "2:TRUNCATED", "3:2");
    }

    @Test
    void splitsQuotedAndEmptyFields() {
        assertThat(CsvLines.fields("a,b,c")).containsExactly("a", "b", "c");
        assertThat(CsvLines.fields("a,,")).containsExactly("a", "", "");
        assertThat(CsvLines.fields("\"a,b\",\"say \"\"hi\"\"\",c")).containsExactly("a,b", "say \"hi\"", "c");
        assertThat(CsvLines.fields("")).containsExactly("");
        assertThatThrownBy(() -> CsvLines.fields("\"open,b")).hasMessage("unterminated quote");
        assertThatThrownBy(() -> CsvLines.fields("\"a\"b,c")).hasMessage("text after a closing quote in field 1");
    }

    @Test
    void anyLineEitherSplitsOrIsRefusedWithAReason() {
        Random random = new Random(4180);
        String alphabet = "ab,\"\r 1";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(16); n > 0; n--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                assertThat(CsvLines.fields(line.toString())).isNotEmpty();
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }
}
