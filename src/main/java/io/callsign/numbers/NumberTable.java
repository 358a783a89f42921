package io.callsign.numbers;

import java.time.Instant;
import java.util.Arrays;

/**
 * The bulk of the numbers, in primitive arrays sorted by {@link DigitKey}: about 13 bytes a number
 * (key 8, subscriber index 4, flags 1), plus 20 for the few numbers with a validity window. Lookups
 * are a binary search: ~24 probes for 10M numbers, no allocation until a hit is turned into a record.
 * Immutable and thread-safe once built.
 */
final class NumberTable {

    static final byte VERIFIED = 1;
    static final byte WINDOWED = 2;
    static final long OPEN_START = Long.MIN_VALUE;
    static final long OPEN_END = Long.MAX_VALUE;

    final long[] keys;
    final int[] subscribers;
    final byte[] flags;
    final String[] subscriberIds;
    /** Per row, index into windowFrom/windowUntil, or -1; null when no row has a window. */
    final int[] windowRef;
    final long[] windowFrom;
    final long[] windowUntil;

    NumberTable(long[] keys, int[] subscribers, byte[] flags, String[] subscriberIds,
            int[] windowRef, long[] windowFrom, long[] windowUntil) {
        this.keys = keys;
        this.subscribers = subscribers;
        this.flags = flags;
        this.subscriberIds = subscriberIds;
        this.windowRef = windowRef;
        this.windowFrom = windowFrom;
        this.windowUntil = windowUntil;
    }

    static NumberTable empty() {
        return new NumberTable(new long[0], new int[0], new byte[0], new String[0], null, new long[0], new long[0]);
    }

    int size() {
        return keys.length;
    }

    /** Row index of {@code key}, or a negative value when absent. */
    int indexOf(long key) {
        return Arrays.binarySearch(keys, key);
    }

    NumberAssignment row(int i) {
        Instant from = null;
        Instant until = null;
        if ((flags[i] & WINDOWED) != 0) {
            int w = windowRef[i];
            from = windowFrom[w] == OPEN_START ? null : Instant.ofEpochMilli(windowFrom[w]);
            until = windowUntil[w] == OPEN_END ? null : Instant.ofEpochMilli(windowUntil[w]);
        }
        return new NumberAssignment(DigitKey.decode(keys[i]), subscriberIds[subscribers[i]],
                (flags[i] & VERIFIED) != 0, from, until);
    }

    long windowFrom(int i) {
        return (flags[i] & WINDOWED) == 0 ? OPEN_START : windowFrom[windowRef[i]];
    }

    long windowUntil(int i) {
        return (flags[i] & WINDOWED) == 0 ? OPEN_END : windowUntil[windowRef[i]];
    }

    /** Approximate bytes held by the arrays, for logs and the benchmark. */
    long footprintBytes() {
        long bytes = 8L * keys.length + 4L * subscribers.length + flags.length;
        bytes += windowRef == null ? 0 : 4L * windowRef.length + 16L * windowFrom.length;
        return bytes;
    }

    /**
     * This table with {@code changes} folded in (a linear merge, for compaction): a present value
     * replaces or adds the row, an empty one deletes it. {@code changedKeys} must be sorted.
     */
    NumberTable merge(long[] changedKeys, NumberAssignment[] changedRows) {
        NumberTableBuilder out = NumberTableBuilder.seeded(subscriberIds, keys.length + changedKeys.length);
        int i = 0;
        int j = 0;
        while (i < keys.length || j < changedKeys.length) {
            if (j == changedKeys.length || (i < keys.length && keys[i] < changedKeys[j])) {
                out.addRaw(keys[i], subscribers[i], flags[i], windowFrom(i), windowUntil(i));
                i++;
            } else {
                if (i < keys.length && keys[i] == changedKeys[j]) {
                    i++;
                }
                if (changedRows[j] != null) {
                    out.add(changedKeys[j], changedRows[j]);
                }
                j++;
            }
        }
        return out.build();
    }
}
