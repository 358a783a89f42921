package io.callsign.numbers;

import java.time.Duration;

/** Doubling waits between retries, from 250 ms up to a ceiling. Not thread-safe: one per loop. */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(250);
    private final Duration max;
    private Duration next = FIRST;

    Backoff(Duration max) {
        this.max = max;
    }

    Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    void reset() {
        next = FIRST;
    }
}
