package io.callsign.credentials;

import io.callsign.ops.ReadinessCheck;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ready when credentials are installed and their leaf is valid now; the detail gives subject,
 * source, notAfter and days left, so expiry is visible before it stops calls. Thread-safe.
 */
final class CredentialsReadiness implements ReadinessCheck {

    private final ActiveCredentials active;
    private final Clock clock;
    private final String expectedSource;

    CredentialsReadiness(ActiveCredentials active, Clock clock, String expectedSource) {
        this.active = active;
        this.clock = clock;
        this.expectedSource = expectedSource;
    }

    @Override
    public Status check() {
        return active.current().map(credentials -> {
            X509Certificate leaf = credentials.leaf();
            Instant now = clock.instant();
            String subject = leaf.getSubjectX500Principal().getName() + " (" + credentials.source() + ")";
            return KeyChecks.whyNotValidAt(leaf, now)
                    .map(why -> Status.failing("signing certificate " + subject + " is " + why
                            + "; install a current one"))
                    .orElseGet(() -> Status.ok(subject + ", notAfter " + leaf.getNotAfter().toInstant() + ", "
                            + Duration.between(now, leaf.getNotAfter().toInstant()).toDays() + " days left"));
        }).orElseGet(() -> Status.failing("no signing credentials installed yet (source: " + expectedSource
                + (expectedSource.equals("acme") ? ", enrolment pending" : "") + ")"));
    }
}
