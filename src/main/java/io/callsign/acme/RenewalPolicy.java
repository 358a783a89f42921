package io.callsign.acme;

import java.time.Duration;
import java.util.Objects;

/**
 * When to renew and how hard to retry.
 *
 * @param useAri          follow the CA's suggested window (RFC 9773) when its directory offers
 *                        {@code renewalInfo}; otherwise, or when off, renew at {@code renewAtFraction}
 * @param renewAtFraction the fraction of the lifetime after which to renew without ARI (ACME-17)
 * @param alertBefore     raise the alert when this close to notAfter and still not renewed
 * @param minBackoff      first retry delay after a failed attempt; doubles per failure
 * @param maxBackoff      upper bound of the retry delay
 * @param leaseTtl        how long one instance may hold the renewal lease (multi-instance)
 * @param syncInterval    how often an instance looks for credentials another instance renewed
 */
public record RenewalPolicy(boolean useAri, double renewAtFraction, Duration alertBefore,
                            Duration minBackoff, Duration maxBackoff, Duration leaseTtl,
                            Duration syncInterval) {

    public RenewalPolicy {
        Objects.requireNonNull(alertBefore, "alertBefore");
        Objects.requireNonNull(minBackoff, "minBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(syncInterval, "syncInterval");
        if (!(renewAtFraction > 0 && renewAtFraction < 1)) {
            throw new IllegalArgumentException("CALLSIGN_ACME_RENEW_AT must be a fraction between 0 and 1"
                    + " (exclusive), got " + renewAtFraction);
        }
        requirePositive("CALLSIGN_ACME_RETRY_MIN", minBackoff);
        requirePositive("CALLSIGN_ACME_RETRY_MAX", maxBackoff);
        requirePositive("CALLSIGN_ACME_LEASE_TTL", leaseTtl);
        requirePositive("CALLSIGN_ACME_SYNC_INTERVAL", syncInterval);
        if (alertBefore.isNegative()) {
            throw new IllegalArgumentException("CALLSIGN_ACME_ALERT_BEFORE must not be negative, got " + alertBefore);
        }
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("CALLSIGN_ACME_RETRY_MAX (" + maxBackoff
                    + ") must not be shorter than CALLSIGN_ACME_RETRY_MIN (" + minBackoff + ")");
        }
    }

    /** ARI on, 2/3 of the lifetime, alert 7 days before expiry, retries from 1 minute to 1 hour. */
    public static RenewalPolicy defaults() {
        return new RenewalPolicy(true, 2.0 / 3, Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofMinutes(10), Duration.ofMinutes(5));
    }

    /** The delay before retry number {@code failures} (1 = first retry): exponential, bounded. */
    public Duration backoff(int failures) {
        Duration delay = minBackoff;
        for (int i = 1; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private static void requirePositive(String key, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
