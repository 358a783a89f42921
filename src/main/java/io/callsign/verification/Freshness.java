package io.callsign.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 8224 §6.2 Step 4 freshness (VER-05, VER-06, VER-08, SEC-11): the Date header and the PASSporT's
 * iat must each lie within the window of now, in both directions (a far-future value is as suspect
 * as an old one), and iat within the window of Date. Stateless.
 */
final class Freshness {

    /** 9999-12-31T23:59:59Z: beyond it an iat is not a date any clock will reach (and Instant overflows). */
    private static final long LATEST_IAT = 253_402_300_799L;

    private Freshness() {
    }

    /** Why the request is stale (403), or empty when it is fresh. */
    static Optional<String> problem(long iat, CallFacts call, Duration window) {
        if (iat > LATEST_IAT) {
            return Optional.of("iat " + iat + " lies after the year 9999 (VER-06)");
        }
        Instant issued = Instant.ofEpochSecond(iat);
        if (call.date().isPresent()) {
            Instant date = call.date().get();
            if (outside(date, call.now(), window)) {
                return Optional.of("Date " + date + " is " + skew(date, call.now()) + " from now (" + call.now()
                        + "); the window is " + window.toSeconds() + " s (CALLSIGN_IAT_MAX_AGE, VER-05)");
            }
            if (outside(issued, date, window)) {
                return Optional.of("iat " + iat + " (" + issued + ") is " + skew(issued, date) + " from the Date "
                        + date + "; the window is " + window.toSeconds() + " s (RFC 8224 §6.2 Step 4, VER-06)");
            }
        }
        if (outside(issued, call.now(), window)) {
            return Optional.of("iat " + iat + " (" + issued + ") is " + skew(issued, call.now()) + " from now ("
                    + call.now() + "); the window is " + window.toSeconds() + " s (CALLSIGN_IAT_MAX_AGE, VER-06)");
        }
        return Optional.empty();
    }

    private static boolean outside(Instant t, Instant reference, Duration window) {
        return Duration.between(reference, t).abs().compareTo(window) > 0;
    }

    private static String skew(Instant t, Instant reference) {
        long seconds = Duration.between(reference, t).getSeconds();
        return seconds < 0 ? -seconds + " s before" : seconds + " s after";
    }
}
