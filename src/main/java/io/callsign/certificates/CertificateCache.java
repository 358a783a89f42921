package io.callsign.certificates;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * x5u URL (exact string, SEC-12) to {@link CacheEntry}, bounded: the least recently used entry is
 * evicted first. A read is a map get plus a counter; the O(n) eviction scan only runs when a new
 * entry is stored, which follows a network fetch anyway. Thread-safe.
 */
final class CertificateCache {

    private static final class Slot {
        final CacheEntry entry;
        volatile long lastUse;

        Slot(CacheEntry entry, long lastUse) {
            this.entry = entry;
            this.lastUse = lastUse;
        }
    }

    private final int maxEntries;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    CertificateCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The entry for {@code url}, or null. */
    CacheEntry get(String url) {
        Slot slot = slots.get(url);
        if (slot == null) {
            return null;
        }
        slot.lastUse = clock.incrementAndGet();
        return slot.entry;
    }

    /**
     * Stores a load result and returns what the cache now holds: a failure never replaces a good
     * entry that can still be served (SEC-12: a failed fetch does not poison a good entry).
     */
    CacheEntry store(String url, CacheEntry entry, Instant now) {
        Slot stored = slots.compute(url, (key, old) -> {
            if (old != null && old.entry instanceof CacheEntry.Good good && entry instanceof CacheEntry.Bad bad
                    && now.isBefore(good.staleUntil())) {
                return new Slot(good.refreshNotBefore(bad.expiresAt()), old.lastUse);
            }
            return new Slot(entry, clock.incrementAndGet());
        });
        evictBeyondBound();
        return stored.entry;
    }

    /** Replaces {@code expected} by {@code next} unless another thread changed it; returns the current one. */
    CacheEntry replace(String url, CacheEntry expected, CacheEntry next) {
        Slot stored = slots.computeIfPresent(url, (key, old) ->
                old.entry == expected ? new Slot(next, clock.incrementAndGet()) : old);
        return stored == null ? next : stored.entry;
    }

    int size() {
        return slots.size();
    }

    private void evictBeyondBound() {
        while (slots.size() > maxEntries) {
            slots.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastUse))
                    .ifPresent(oldest -> slots.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
