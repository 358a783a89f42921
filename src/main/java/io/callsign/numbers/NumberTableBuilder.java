package io.callsign.numbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates numbers in growing primitive arrays, then sorts them in place (no boxing, no copy of
 * 10M strings). Rows may come in any order; input that is already sorted is not sorted again.
 * Not thread-safe; single use.
 */
final class NumberTableBuilder {

    private long[] keys;
    private int[] subscribers;
    private byte[] flags;
    private int[] windowRef;
    private long[] windowFrom = new long[0];
    private long[] windowUntil = new long[0];
    private int size;
    private int windows;
    private boolean sorted = true;
    private final Map<String, Integer> subscriberIndex = new HashMap<>();
    private final List<String> subscriberIds = new ArrayList<>();

    NumberTableBuilder(int capacity) {
        int initial = Math.max(16, capacity);
        keys = new long[initial];
        subscribers = new int[initial];
        flags = new byte[initial];
    }

    /** A builder whose subscriber indexes 0..n-1 mean {@code ids}, so raw rows can be copied over. */
    static NumberTableBuilder seeded(String[] ids, int capacity) {
        NumberTableBuilder builder = new NumberTableBuilder(capacity);
        for (String id : ids) {
            builder.subscriberIndex.put(id, builder.subscriberIds.size());
            builder.subscriberIds.add(id);
        }
        return builder;
    }

    int size() {
        return size;
    }

    void add(String tn, String subscriberId, boolean verified, Instant validFrom, Instant validUntil) {
        add(DigitKey.require(tn, "telephone number"), subscriberId, verified,
                validFrom == null ? NumberTable.OPEN_START : validFrom.toEpochMilli(),
                validUntil == null ? NumberTable.OPEN_END : validUntil.toEpochMilli());
    }

    void add(long key, NumberAssignment row) {
        add(key, row.subscriberId(), row.verified(),
                row.validFrom() == null ? NumberTable.OPEN_START : row.validFrom().toEpochMilli(),
                row.validUntil() == null ? NumberTable.OPEN_END : row.validUntil().toEpochMilli());
    }

    void add(long key, String subscriberId, boolean verified, long from, long until) {
        Integer index = subscriberIndex.get(subscriberId);
        if (index == null) {
            index = subscriberIds.size();
            subscriberIndex.put(subscriberId, index);
            subscriberIds.add(subscriberId);
        }
        addRaw(key, index, verified ? NumberTable.VERIFIED : 0, from, until);
    }

    void addRaw(long key, int subscriber, byte rowFlags, long from, long until) {
        if (size == keys.length) {
            grow();
        }
        sorted &= size == 0 || keys[size - 1] < key;
        keys[size] = key;
        subscribers[size] = subscriber;
        boolean windowed = from != NumberTable.OPEN_START || until != NumberTable.OPEN_END;
        flags[size] = (byte) ((rowFlags & NumberTable.VERIFIED) | (windowed ? NumberTable.WINDOWED : 0));
        if (windowed) {
            addWindow(from, until);
        } else if (windowRef != null) {
            windowRef[size] = -1;
        }
        size++;
    }

    private void addWindow(long from, long until) {
        if (windowRef == null) {
            windowRef = new int[keys.length];
            Arrays.fill(windowRef, 0, size, -1);
        }
        if (windows == windowFrom.length) {
            windowFrom = Arrays.copyOf(windowFrom, Math.max(16, windows * 2));
            windowUntil = Arrays.copyOf(windowUntil, windowFrom.length);
        }
        windowFrom[windows] = from;
        windowUntil[windows] = until;
        windowRef[size] = windows++;
    }

    private void grow() {
        int capacity = keys.length + (keys.length >> 1) + 16;
        keys = Arrays.copyOf(keys, capacity);
        subscribers = Arrays.copyOf(subscribers, capacity);
        flags = Arrays.copyOf(flags, capacity);
        if (windowRef != null) {
            windowRef = Arrays.copyOf(windowRef, capacity);
        }
    }

    NumberTable build() {
        if (size != keys.length) {
            keys = Arrays.copyOf(keys, size);
            subscribers = Arrays.copyOf(subscribers, size);
            flags = Arrays.copyOf(flags, size);
            windowRef = windowRef == null ? null : Arrays.copyOf(windowRef, size);
        }
        if (!sorted) {
            new ParallelSort(keys, subscribers, flags, windowRef).sort();
            rejectDuplicates();
        }
        return new NumberTable(keys, subscribers, flags, subscriberIds.toArray(String[]::new), windowRef,
                Arrays.copyOf(windowFrom, windows), Arrays.copyOf(windowUntil, windows));
    }

    private void rejectDuplicates() {
        for (int i = 1; i < size; i++) {
            if (keys[i] == keys[i - 1]) {
                throw new IllegalArgumentException("telephone number " + DigitKey.decode(keys[i])
                        + " is listed twice; a number has one holder");
            }
        }
    }
}
