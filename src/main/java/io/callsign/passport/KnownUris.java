package io.callsign.passport;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code new URI(text)} that remembers the last URL it parsed. Every Identity header names its x5u
 * twice (info and the PASSporT header), and calls repeat the few x5u URLs of the carriers they come
 * from; parsing a URI costs more than the rest of the header. URIs are immutable, so the one
 * remembered entry is shared by all threads without a lock. Thread-safe.
 */
final class KnownUris {

    private record Parsed(String text, URI uri) {
    }

    private static volatile Parsed last = new Parsed("", URI.create(""));

    private KnownUris() {
    }

    static URI parse(String text) throws URISyntaxException {
        Parsed known = last;
        if (known.text().equals(text)) {
            return known.uri();
        }
        URI uri = new URI(text);
        last = new Parsed(text, uri);
        return uri;
    }
}
