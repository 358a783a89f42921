package io.callsign.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records line by line from a stream, holding at most one line (capped) in memory, so an
 * import of any size streams. Records are RFC 4180 fields on one line: commas, optional double
 * quotes, {@code ""} for a quote inside quotes; CRLF and LF both end a line. Not thread-safe.
 */
final class CsvLines {

    /** A line longer than this is rejected without being kept; no valid row comes near it. */
    static final int MAX_LINE = 4096;

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] line = new byte[MAX_LINE];
    private int position;
    private int limit;
    private long number;
    private boolean tooLong;

    CsvLines(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at the end; see {@link #truncated()}. */
    String next() throws IOException {
        int length = 0;
        tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0 && !tooLong) {
                    return null;
                }
                break;
            }
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length < MAX_LINE) {
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        number++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /** Whether the line last returned was cut at {@link #MAX_LINE} bytes. */
    boolean truncated() {
        return tooLong;
    }

    /** The number of the line last returned, from 1. */
    long number() {
        return number;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** Splits one line into fields, or throws {@link IllegalArgumentException} saying what is wrong. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote in field " + (fields.size() + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    private static int quoted(String line, int start, StringBuilder field) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c != '"') {
                field.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                field.append('"');
                i++;
            } else {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated quote");
    }
}
