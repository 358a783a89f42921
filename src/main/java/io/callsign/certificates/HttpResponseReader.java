package io.callsign.certificates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one HTTP/1.1 response strictly: status 200 only, a body delimited by Content-Length or
 * chunked coding, never more than the byte limit. The stream enforces the deadline. Not thread-safe;
 * one instance per response. Longer than usual: one parser, read top to bottom.
 */
final class HttpResponseReader {

    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADER_LINES = 100;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: (.*))?");
    private static final Pattern MAX_AGE = Pattern.compile("max-age=\"?(\\d+)\"?");
    private static final long MAX_DELTA_SECONDS = 1L << 31; // RFC 9111 §1.2.2: larger values mean 2^31

    private final InputStream in;
    private final String label;
    private final int maxBytes;
    private final String limitKey;

    /** @param label names the resource in messages, e.g. {@code x5u https://h/c.pem} */
    HttpResponseReader(InputStream in, String label, int maxBytes, String limitKey) {
        this.in = in;
        this.label = label;
        this.maxBytes = maxBytes;
        this.limitKey = limitKey;
    }

    FetchedResource read(String url) throws IOException {
        String statusLine = line();
        Matcher status = STATUS.matcher(statusLine);
        if (!status.matches()) {
            throw fail("answered with a malformed status line '" + printable(statusLine) + "'");
        }
        Map<String, List<String>> headers = headers();
        checkStatus(Integer.parseInt(status.group(1)), Optional.ofNullable(status.group(2)).orElse(""), headers);
        byte[] body = body(headers);
        return new FetchedResource(url, first(headers, "content-type"), maxAge(headers), body);
    }

    private void checkStatus(int code, String reason, Map<String, List<String>> headers) {
        if (code == 200) {
            return;
        }
        String answered = "answered " + code + (reason.isEmpty() ? "" : " " + printable(reason));
        if (code >= 300 && code < 400) {
            throw fail(answered + " to " + first(headers, "location").map(HttpResponseReader::printable)
                    .orElse("no Location") + "; redirects are not followed (X5U-03)");
        }
        throw fail(answered + "; only 200 is accepted (X5U-06, VER-13)");
    }

    private Map<String, List<String>> headers() throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = line();
            if (line.isEmpty()) {
                return headers;
            }
            int colon = line.indexOf(':');
            if (count >= MAX_HEADER_LINES || colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw fail("answered with malformed or too many header lines");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
    }

    private byte[] body(Map<String, List<String>> headers) throws IOException {
        Optional<String> encoding = first(headers, "transfer-encoding");
        List<String> lengths = headers.getOrDefault("content-length", List.of());
        if (encoding.isPresent() && !lengths.isEmpty()) {
            throw fail("sent both Transfer-Encoding and Content-Length (RFC 9112 §6.1)");
        }
        if (encoding.isPresent()) {
            if (!encoding.get().equalsIgnoreCase("chunked")) {
                throw fail("uses Transfer-Encoding '" + printable(encoding.get()) + "'; only chunked is read");
            }
            return chunked();
        }
        if (lengths.isEmpty()) {
            throw fail("sent neither Content-Length nor chunked encoding; the body length is unknown");
        }
        if (lengths.stream().distinct().count() != 1 || !lengths.get(0).matches("\\d{1,18}")) {
            throw fail("sent an invalid Content-Length " + lengths);
        }
        long length = Long.parseLong(lengths.get(0));
        if (length > maxBytes) {
            throw tooBig("declares " + length + " bytes");
        }
        return exactly((int) length);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            if (!hex.matches("[0-9A-Fa-f]{1,8}")) {
                throw fail("sent a malformed chunk size '" + printable(sizeLine) + "'");
            }
            long size = Long.parseLong(hex, 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailer fields are read and ignored
                }
                return body.toByteArray();
            }
            if (body.size() + size > maxBytes) {
                throw tooBig("sends more than that in chunks");
            }
            body.writeBytes(exactly((int) size));
            if (!line().isEmpty()) {
                throw fail("sent a chunk not followed by CRLF");
            }
        }
    }

    private byte[] exactly(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw fail("closed the connection after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    /** One line without its CRLF (a bare LF is tolerated); bounded so a header flood cannot grow memory. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw fail("closed the connection in the middle of the response head");
            }
            if (line.size() >= MAX_LINE) {
                throw fail("sent a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** X5U-04: max-age is the directive we honour; the cache applies the 24 h floor. */
    private static Optional<Duration> maxAge(Map<String, List<String>> headers) {
        for (String value : headers.getOrDefault("cache-control", List.of())) {
            for (String directive : value.split(",")) {
                Matcher m = MAX_AGE.matcher(directive.trim().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    String digits = m.group(1);
                    long seconds = digits.length() > 10 ? MAX_DELTA_SECONDS
                            : Math.min(Long.parseLong(digits), MAX_DELTA_SECONDS);
                    return Optional.of(Duration.ofSeconds(seconds));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.getOrDefault(name, List.of()).stream().findFirst();
    }

    private CredentialException tooBig(String what) {
        return fail("body " + what + ", more than the limit of " + maxBytes + " bytes (" + limitKey
                + ", X5U-08); aborted");
    }

    private CredentialException fail(String what) {
        return CredentialException.fetch(label + ": the server " + what);
    }

    static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7e]", "?");
        return cleaned.length() > 80 ? cleaned.substring(0, 80) + "..." : cleaned;
    }
}
