package io.callsign.provisioning;

import io.callsign.http.Problem;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Optimistic concurrency (RFC 9110 §13.1): a representation's ETag is its row version
 * ({@code "v3"}); {@code If-Match} makes a change conditional on that version and
 * {@code If-None-Match: *} makes a PUT create-only. Without either header the last write wins.
 */
record Preconditions(Optional<String> ifMatch, Optional<String> ifNoneMatch) {

    static final Preconditions NONE = new Preconditions(Optional.empty(), Optional.empty());

    static String etag(long version) {
        return "\"v" + version + "\"";
    }

    /**
     * Throws 412 when the request's conditions fail against the row's current version (empty when
     * the row does not exist). Evaluated under the row lock, so a passed check stays true until commit.
     */
    void require(String what, OptionalLong current) {
        ifMatch.ifPresent(header -> {
            if (current.isEmpty()) {
                throw failed(what + " does not exist, but If-Match " + header + " expected it to");
            }
            if (!matches(header, current.getAsLong(), false)) {
                throw failed("If-Match " + header + " does not match " + what + ", now at " + etag(current.getAsLong())
                        + "; GET it again, reapply your change and retry");
            }
        });
        ifNoneMatch.ifPresent(header -> {
            if (current.isPresent() && matches(header, current.getAsLong(), true)) {
                throw failed(what + " already exists at " + etag(current.getAsLong()) + " (If-None-Match " + header
                        + "); drop the header to replace it");
            }
        });
    }

    /** For GET: whether the client's copy (If-None-Match) is still current, so 304 will do. */
    boolean notModified(long version) {
        return ifNoneMatch.map(header -> matches(header, version, true)).orElse(false);
    }

    // RFC 9110 §13.1.1: If-Match uses the strong comparison, so a weak tag (W/"v3") never matches;
    // §13.1.2: If-None-Match uses the weak one.
    private static boolean matches(String header, long version, boolean weak) {
        String current = etag(version);
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> weak && tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }

    private static Problem failed(String detail) {
        return new Problem(412, "Precondition Failed", detail);
    }
}
