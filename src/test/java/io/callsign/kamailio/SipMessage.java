package io.callsign.kamailio;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One SIP message from a sipp message trace: when, which direction, and its text.
 *
 * @param at       sipp's timestamp (local time of this machine)
 * @param received true for a message sipp received, false for one it sent
 * @param text     the message, lines separated by "\n"
 */
record SipMessage(LocalDateTime at, boolean received, String text) {

    String firstLine() {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    boolean isRequest(String method) {
        return firstLine().startsWith(method + " ");
    }

    /** The status code of a response; 0 for a request. */
    int status() {
        String line = firstLine();
        return line.startsWith("SIP/2.0 ") ? Integer.parseInt(line.substring(8, 11)) : 0;
    }

    /** The values of every header named {@code name} (full form, case-insensitive), in order. */
    List<String> headers(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return text.lines()
                .skip(1)
                .takeWhile(line -> !line.isBlank())
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim())
                .toList();
    }

    Optional<String> header(String name) {
        return headers(name).stream().findFirst();
    }

    /** The names of all headers, in order. */
    List<String> headerNames() {
        return text.lines().skip(1).takeWhile(line -> !line.isBlank())
                .filter(line -> line.indexOf(':') > 0)
                .map(line -> line.substring(0, line.indexOf(':')).trim())
                .toList();
    }
}
