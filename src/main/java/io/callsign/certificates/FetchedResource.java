package io.callsign.certificates;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A 200 answer, read completely within the limits.
 *
 * @param contentType the Content-Type header, or empty when absent
 * @param maxAge      Cache-Control max-age, when the answer had one
 */
public record FetchedResource(String url, Optional<String> contentType, Optional<Duration> maxAge, byte[] body) {
    public FetchedResource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(body, "body");
    }
}
