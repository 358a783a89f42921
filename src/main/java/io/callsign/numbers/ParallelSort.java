package io.callsign.numbers;

/**
 * In-place quicksort of a long[] that moves the rows of parallel arrays along with it, so 10M rows
 * sort without an index permutation or boxed entries. Median-of-three pivots, insertion sort for
 * short ranges, recursion on the smaller side only (stack depth stays logarithmic).
 */
final class ParallelSort {

    private static final int INSERTION_LIMIT = 24;

    private final long[] keys;
    private final int[] ints;
    private final byte[] bytes;
    private final int[] moreInts;

    /** {@code moreInts} may be null. */
    ParallelSort(long[] keys, int[] ints, byte[] bytes, int[] moreInts) {
        this.keys = keys;
        this.ints = ints;
        this.bytes = bytes;
        this.moreInts = moreInts;
    }

    void sort() {
        sort(0, keys.length - 1);
    }

    private void sort(int low, int high) {
        while (high - low > INSERTION_LIMIT) {
            int p = partition(low, high);
            if (p - low < high - p) {
                sort(low, p - 1);
                low = p + 1;
            } else {
                sort(p + 1, high);
                high = p - 1;
            }
        }
        insertionSort(low, high);
    }

    /** Hoare-style partition around the median of three (Weiss); returns the pivot's final place. */
    private int partition(int low, int high) {
        int mid = (low + high) >>> 1;
        if (keys[mid] < keys[low]) {
            swap(mid, low);
        }
        if (keys[high] < keys[low]) {
            swap(high, low);
        }
        if (keys[high] < keys[mid]) {
            swap(high, mid);
        }
        swap(mid, high - 1);
        long pivot = keys[high - 1];
        int i = low;
        int j = high - 1;
        while (true) {
            while (keys[++i] < pivot) {
                // advance
            }
            while (keys[--j] > pivot) {
                // retreat
            }
            if (i >= j) {
                break;
            }
            swap(i, j);
        }
        swap(i, high - 1);
        return i;
    }

    private void insertionSort(int low, int high) {
        for (int i = low + 1; i <= high; i++) {
            for (int j = i; j > low && keys[j] < keys[j - 1]; j--) {
                swap(j, j - 1);
            }
        }
    }

    private void swap(int a, int b) {
        long k = keys[a];
        keys[a] = keys[b];
        keys[b] = k;
        int n = ints[a];
        ints[a] = ints[b];
        ints[b] = n;
        byte f = bytes[a];
        bytes[a] = bytes[b];
        bytes[b] = f;
        if (moreInts != null) {
            int m = moreInts[a];
            moreInts[a] = moreInts[b];
            moreInts[b] = m;
        }
    }
}
