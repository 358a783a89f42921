package io.callsign.certificates;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** A point on the monotonic clock by which a network exchange must be over. */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    Duration budget() {
        return budget;
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    long remainingNanos() {
        return Math.max(0, endNanos - System.nanoTime());
    }

    /** At least 1 ms (0 would mean "no timeout" to a socket); throws once the deadline has passed. */
    int remainingMillis() throws SocketTimeoutException {
        long left = (endNanos - System.nanoTime() + 999_999) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline of " + budget.toMillis() + " ms passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }
}
