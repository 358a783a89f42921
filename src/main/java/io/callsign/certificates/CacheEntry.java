package io.callsign.certificates;

import java.time.Instant;
import java.util.List;

/** What the cache holds for one x5u URL: a validated credential or a remembered failure. */
sealed interface CacheEntry {

    /** The anchor set generation the entry was judged against. */
    long generation();

    /**
     * @param trusted       the answer for calls, built once so that a warm lookup allocates nothing
     * @param fetchWarnings warnings of the fetch itself, kept for a revalidation
     * @param expiresAt     fresh until then (X5U-04), never past the path's notAfter (SEC-12)
     * @param staleUntil    servable while refreshing until then, never past notAfter either
     * @param refreshFrom   no background refresh before then: a failed refresh waits out the negative TTL
     */
    record Good(Resolution.Trusted trusted, List<String> fetchWarnings, long generation, Instant expiresAt,
                Instant staleUntil, Instant refreshFrom) implements CacheEntry {
        Credential credential() {
            return trusted.credential();
        }

        Good refreshNotBefore(Instant instant) {
            return new Good(trusted, fetchWarnings, generation, expiresAt, staleUntil, instant);
        }
    }

    record Bad(Resolution.Failed failure, long generation, Instant expiresAt) implements CacheEntry { }
}
