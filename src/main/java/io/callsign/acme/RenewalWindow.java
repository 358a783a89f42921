package io.callsign.acme;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * RFC 9773 §4.2: the CA's suggested renewal window for one certificate.
 *
 * @param start       suggestedWindow.start
 * @param end         suggestedWindow.end; a window with {@code end <= start} counts as no answer
 * @param retryAfter  when to ask again (the response's Retry-After), or null
 * @param explanation the CA's explanationURL for operators, or null
 */
public record RenewalWindow(Instant start, Instant end, Instant retryAfter, URI explanation) {

    public RenewalWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** RFC 9773 §4.2: "end" must be after "start"; otherwise the response is ignored. */
    public boolean isUsable() {
        return end.isAfter(start);
    }
}
