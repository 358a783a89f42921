package io.callsign.acme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.shredzone.acme4j.PollableResource;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.exception.AcmeException;

/**
 * ACME-13 polling (RFC 8555 §7.4, §7.5.1): POST-as-GET the resource, and while it is not done wait
 * as long as its Retry-After says (at least a second, 2 s without one) before asking again.
 * acme4j's own wait polls twice back to back before it first honours Retry-After.
 */
final class Polling {

    private static final Duration MIN_WAIT = Duration.ofSeconds(1);
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);

    private Polling() {
    }

    static Status await(PollableResource resource, Set<Status> done, Duration timeout, Clock clock)
            throws AcmeException, InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            Optional<Instant> retryAfter = resource.fetch();
            Status status = resource.getStatus();
            if (done.contains(status)) {
                return status;
            }
            Instant now = clock.instant();
            Instant next = retryAfter.orElse(now.plus(DEFAULT_WAIT));
            if (next.isBefore(now.plus(MIN_WAIT))) {
                next = now.plus(MIN_WAIT);
            }
            if (next.isAfter(deadline)) {
                throw new AcmeFailure("the CA still reports " + status + " after " + timeout
                        + "; it may be overloaded: the next attempt follows the retry back-off");
            }
            Thread.sleep(Duration.between(now, next).toMillis());
        }
    }
}
