package io.callsign.kamailio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of a sipp {@code -trace_msg -message_file} trace. Each entry starts with a line of
 * dashes and a timestamp, then "UDP message received [n] bytes :" or "UDP message sent (n bytes):",
 * a blank line and the message.
 */
record SipTrace(List<SipMessage> messages) {

    private static final String SEPARATOR = "----------------------------------------------- ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    static SipTrace read(Path file) {
        if (!Files.exists(file)) {
            return new SipTrace(List.of());
        }
        try {
            return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipTrace parse(String text) {
        List<SipMessage> messages = new ArrayList<>();
        for (String entry : text.replace("\r\n", "\n").split("(?m)^" + SEPARATOR)) {
            int headerEnd = entry.indexOf('\n');
            int bodyStart = entry.indexOf("\n\n");
            if (headerEnd < 0 || bodyStart < 0) {
                continue;
            }
            LocalDateTime at = LocalDateTime.parse(entry.substring(0, headerEnd).trim(), TIME);
            boolean received = entry.substring(headerEnd, bodyStart).contains("received");
            messages.add(new SipMessage(at, received, entry.substring(bodyStart + 2).strip()));
        }
        return new SipTrace(List.copyOf(messages));
    }

    /** Requests of this method that sipp received, retransmissions included. */
    List<SipMessage> received(String method) {
        return messages.stream().filter(SipMessage::received).filter(m -> m.isRequest(method)).toList();
    }

    /** The first INVITE sipp received; fails when none arrived. */
    SipMessage firstInvite() {
        return received("INVITE").stream().findFirst()
                .orElseThrow(() -> new AssertionError("no INVITE arrived; trace holds " + summary()));
    }

    /** Status codes of the responses sipp received, in order, retransmissions included. */
    List<Integer> receivedStatuses() {
        return messages.stream().filter(SipMessage::received).map(SipMessage::status).filter(s -> s > 0).toList();
    }

    /** The first final (>= 200) response sipp received; fails when none arrived. */
    SipMessage finalResponse() {
        return messages.stream().filter(SipMessage::received).filter(m -> m.status() >= 200).findFirst()
                .orElseThrow(() -> new AssertionError("no final response arrived; trace holds " + summary()));
    }

    /** Time from the first INVITE sipp sent to the first final response it received. */
    Duration inviteToFinal() {
        SipMessage invite = messages.stream().filter(m -> !m.received() && m.isRequest("INVITE")).findFirst()
                .orElseThrow(() -> new AssertionError("no INVITE was sent; trace holds " + summary()));
        return Duration.between(invite.at(), finalResponse().at());
    }

    List<String> summary() {
        return messages.stream().map(m -> (m.received() ? "<- " : "-> ") + m.firstLine()).toList();
    }
}
