package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads counters from sipp's statistics screen ({@code -trace_screen}). */
final class Screens {

    private Screens() {
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cumulative value of a counter row such as "  Successful call | 0 | 2000"; -1 if absent. */
    static int counter(String screen, String row) {
        Matcher m = Pattern.compile(Pattern.quote(row) + "\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)").matcher(screen);
        int value = -1;
        while (m.find()) {
            value = Integer.parseInt(m.group(1));
        }
        return value;
    }
}
