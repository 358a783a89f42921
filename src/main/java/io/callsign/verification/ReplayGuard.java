package io.callsign.verification;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers verified PASSporTs (by their signature bytes) for twice the freshness window, so a token
 * cut from one call and pasted into another within the window is detected (RFC 8224 §12.1, VER-20,
 * SEC-10). The same PASSporT under the same Call-ID is not a replay: a request re-sent after a 407
 * challenge carries the same Identity. Memory is bounded: the oldest entries go first. Thread-safe.
 */
final class ReplayGuard {

    private record Seen(String callId, Instant expires) {
    }

    private record Entry(ByteBuffer key, Seen seen) {
    }

    private final Duration keep;
    private final int maxEntries;
    private final Map<ByteBuffer, Seen> seen = new ConcurrentHashMap<>();
    private final Queue<Entry> order = new ConcurrentLinkedQueue<>();
    private final LongAdder detected;

    /**
     * @param window   the freshness window; a PASSporT older than it cannot pass again anyway
     * @param detected counts the replays found
     */
    ReplayGuard(Duration window, int maxEntries, LongAdder detected) {
        this.detected = detected;
        // iat may lie up to one window ahead of now and stays acceptable one window after: 2 windows.
        this.keep = window.multipliedBy(2);
        this.maxEntries = maxEntries;
    }

    /**
     * Records a verified PASSporT and tells whether it was already verified for another call.
     *
     * @param signature the PASSporT's signature bytes (unique per signing)
     * @param callId    the request's Call-ID; null matches nothing, so a repeat without one is a replay
     */
    boolean replayed(byte[] signature, String callId, Instant now) {
        evict(now);
        ByteBuffer key = ByteBuffer.wrap(signature.clone());
        Seen mine = new Seen(callId, now.plus(keep));
        Seen previous = seen.putIfAbsent(key, mine);
        if (previous == null || !now.isBefore(previous.expires())) {
            if (previous != null) {
                seen.replace(key, previous, mine);
            }
            order.add(new Entry(key, mine));
            return false;
        }
        boolean replay = callId == null || !Objects.equals(callId, previous.callId());
        if (replay) {
            detected.increment();
        }
        return replay;
    }

    int size() {
        return seen.size();
    }

    private void evict(Instant now) {
        for (Entry head = order.peek(); head != null; head = order.peek()) {
            boolean expired = !now.isBefore(head.seen().expires());
            if (!expired && seen.size() < maxEntries) {
                return;
            }
            if (order.remove(head)) {
                seen.remove(head.key(), head.seen());
            }
        }
    }
}
