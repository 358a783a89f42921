package io.callsign.provisioning;

import io.callsign.http.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

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
     * The tag of a row version plus a fingerprint of its child rows (a subscriber's users, a trunk's
     * networks): the database's row trigger moves {@code version} only when the row's own columns
     * change, yet the representation, and so its tag, also changes with the children.
     */
    static String etag(long version, List<String> children) {
        CRC32 crc = new CRC32();
        crc.update(String.join("\n", children).getBytes(StandardCharsets.UTF_8));
        return "\"v" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
    }

    /**
     * Throws 412 when the request's conditions fail against the row's current version (empty when
     * the row does not exist). Evaluated under the row lock, so a passed check stays true until commit.
     */
    void require(String what, Optional<String> current) {
        ifMatch.ifPresent(header -> {
            if (current.isEmpty()) {
                throw failed(what + " does not exist, but If-Match " + header + " expected it to");
            }
            if (!matches(header, current.get(), false)) {
                throw failed("If-Match " + header + " does not match " + what + ", now at " + current.get()
                        + "; GET it again, reapply your change and retry");
            }
        });
        ifNoneMatch.ifPresent(header -> {
            if (current.isPresent() && matches(header, current.get(), true)) {
                throw failed(what + " already exists at " + current.get() + " (If-None-Match " + header
                        + "); drop the header to replace it");
            }
        });
    }

    /** For GET: whether the client's copy (If-None-Match) is still current, so 304 will do. */
    boolean notModified(String etag) {
        return ifNoneMatch.map(header -> matches(header, etag, true)).orElse(false);
    }

    // RFC 9110 §13.1.1: If-Match uses the strong comparison, so a weak tag (W/"v3") never matches;
    // §13.1.2: If-None-Match uses the weak one.
    private static boolean matches(String header, String current, boolean weak) {
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .map(tag -> weak && tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
    }

    private static Problem failed(String detail) {
        return new Problem(412, "Precondition Failed", detail);
    }
}
