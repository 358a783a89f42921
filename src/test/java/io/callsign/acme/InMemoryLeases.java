package io.callsign.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One lease shared by several in-process "instances"; each gets its own handle. Test fake. */
final class InMemoryLeases {

    private final Clock clock;
    private String holder;
    private Instant expires = Instant.MIN;
    private int grants;

    InMemoryLeases(Clock clock) {
        this.clock = clock;
    }

    RenewalLease handle(String instance) {
        return new RenewalLease() {
            @Override
            public boolean tryAcquire(Duration ttl) {
                synchronized (InMemoryLeases.this) {
                    Instant now = clock.instant();
                    if (holder != null && !holder.equals(instance) && now.isBefore(expires)) {
                        return false;
                    }
                    holder = instance;
                    expires = now.plus(ttl);
                    grants++;
                    return true;
                }
            }

            @Override
            public void release() {
                synchronized (InMemoryLeases.this) {
                    if (instance.equals(holder)) {
                        holder = null;
                    }
                }
            }
        };
    }

    /** Makes {@code instance} hold the lease, as if it were renewing right now. */
    synchronized void holdBy(String instance, Duration ttl) {
        holder = instance;
        expires = clock.instant().plus(ttl);
    }

    synchronized int grants() {
        return grants;
    }
}
