package io.callsign.acme;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to renew and when to ask the CA again. Pure apart from the injected randomness.
 */
final class RenewalPlanner {

    private static final Duration MIN_ARI_POLL = Duration.ofMinutes(1);
    private static final Duration MAX_ARI_POLL = Duration.ofDays(1);
    private static final Duration DEFAULT_ARI_POLL = Duration.ofHours(6);

    private final RenewalPolicy policy;
    private final RandomGenerator random;

    RenewalPlanner(RenewalPolicy policy, RandomGenerator random) {
        this.policy = policy;
        this.random = random;
    }

    /**
     * ACME-16: a uniform random time in a usable ARI window, no earlier than {@code now}; without one
     * (none, or {@code end <= start}), ACME-17: {@code renewAtFraction} of the lifetime.
     */
    Instant renewalTime(IssuedCertificate certificate, Optional<RenewalWindow> window, Instant now) {
        if (window.isPresent() && window.get().isUsable()) {
            RenewalWindow usable = window.get();
            long span = Duration.between(usable.start(), usable.end()).toMillis();
            Instant pick = usable.start().plusMillis((long) (random.nextDouble() * span));
            return pick.isBefore(now) ? now : pick;
        }
        long lifetime = Duration.between(certificate.notBefore(), certificate.notAfter()).toMillis();
        return certificate.notBefore().plusMillis((long) (lifetime * policy.renewAtFraction()));
    }

    /** RFC 9773 §4.3: re-poll after Retry-After, clamped to 1 minute..1 day; 6 hours without one. */
    Instant nextAriPoll(RenewalWindow window, Instant now) {
        if (window.retryAfter() == null) {
            return now.plus(DEFAULT_ARI_POLL);
        }
        Duration wait = Duration.between(now, window.retryAfter());
        if (wait.compareTo(MIN_ARI_POLL) < 0) {
            wait = MIN_ARI_POLL;
        } else if (wait.compareTo(MAX_ARI_POLL) > 0) {
            wait = MAX_ARI_POLL;
        }
        return now.plus(wait);
    }

    /** True when an alert is due: expiry is within the threshold (ACME-17). */
    boolean nearExpiry(IssuedCertificate certificate, Instant now) {
        return !now.isBefore(certificate.notAfter().minus(policy.alertBefore()));
    }
}
