package io.callsign.acme;

import java.time.Duration;

/**
 * Mutual exclusion for renewal across instances sharing one database, so that they do not all order
 * at once. The holder renews, publishes to the {@link SharedCredentialStore} and releases; the
 * others pick the result up. A lease expires by itself after its ttl (a crashed holder).
 * Implementations are thread-safe; each instance has its own handle.
 */
public interface RenewalLease {

    /** Takes the lease for at most {@code ttl}; false when another instance holds it. */
    boolean tryAcquire(Duration ttl);

    /** Gives the lease back; a no-op when this instance does not hold it. */
    void release();

    /** For a single instance: always granted. */
    static RenewalLease alwaysGranted() {
        return new RenewalLease() {
            @Override
            public boolean tryAcquire(Duration ttl) {
                return true;
            }

            @Override
            public void release() {
                // nothing is held
            }
        };
    }
}
