package io.callsign.numbers;

import java.time.Instant;
import java.util.Objects;

/**
 * One telephone_numbers row.
 *
 * @param tn           canonical E.164 digits
 * @param subscriberId holder
 * @param verified     the holder's right to use the number was checked
 * @param validFrom    first instant the assignment is in force, or null for "always was"
 * @param validUntil   first instant it is no longer in force (exclusive), or null for "no end"
 */
public record NumberAssignment(String tn, String subscriberId, boolean verified, Instant validFrom, Instant validUntil)
        implements Assignment {

    public NumberAssignment {
        Objects.requireNonNull(tn, "tn");
        Objects.requireNonNull(subscriberId, "subscriberId");
    }

    /** True when {@code at} lies in [validFrom, validUntil). Outside it, the number is not assigned. */
    public boolean inForceAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
    }
}
