package io.callsign.certificates;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the certificate side, to be exported as metrics; no metrics library here. Counts
 * only grow. Thread-safe, and cheap on the call path (LongAdder).
 */
public final class CertificateStats {

    private final LongAdder hits = new LongAdder();
    private final LongAdder staleHits = new LongAdder();
    private final LongAdder negativeHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final LongAdder fetches = new LongAdder();
    private final LongAdder revalidations = new LongAdder();
    private final LongAdder crlFetches = new LongAdder();
    private final LongAdder crlFailures = new LongAdder();
    private final Map<FailureKind, LongAdder> failures = new EnumMap<>(FailureKind.class);

    CertificateStats() {
        for (FailureKind kind : FailureKind.values()) {
            failures.put(kind, new LongAdder());
        }
    }

    /** Lookups answered from a fresh cache entry. */
    public long cacheHits() { return hits.sum(); }

    /** Lookups answered from an expired entry while it was being refreshed in the background. */
    public long staleHits() { return staleHits.sum(); }

    /** Lookups answered from a remembered failure. */
    public long negativeHits() { return negativeHits.sum(); }

    /** Lookups that had to wait for a fetch. */
    public long cacheMisses() { return misses.sum(); }

    /** Misses that joined a fetch already in flight instead of starting one (X5U-08 coalescing). */
    public long coalescedWaits() { return coalesced.sum(); }

    /** x5u fetches started. */
    public long fetches() { return fetches.sum(); }

    /** Cached chains validated again because the trust anchors changed. */
    public long revalidations() { return revalidations.sum(); }

    public long crlFetches() { return crlFetches.sum(); }

    public long crlFailures() { return crlFailures.sum(); }

    /** Lookups that ended in a failure of {@code kind}. */
    public long failures(FailureKind kind) { return failures.get(kind).sum(); }

    void hit() { hits.increment(); }
    void staleHit() { staleHits.increment(); }
    void negativeHit() { negativeHits.increment(); }
    void miss() { misses.increment(); }
    void coalesced() { coalesced.increment(); }
    void fetch() { fetches.increment(); }
    void revalidation() { revalidations.increment(); }
    void crlFetch() { crlFetches.increment(); }
    void crlFailure() { crlFailures.increment(); }
    void failure(FailureKind kind) { failures.get(kind).increment(); }
}
