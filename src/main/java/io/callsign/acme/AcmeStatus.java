package io.callsign.acme;

import java.net.URI;
import java.time.Instant;

/**
 * What the renewal machinery is doing, for {@code /health/ready}, metrics and
 * {@code callsign cert status}. Nullable components are null when unknown.
 *
 * @param state       see {@link State}
 * @param serial      the active certificate's serial number (hex), or null
 * @param notAfter    the active certificate's expiry, or null
 * @param nextRenewal when the next attempt is planned, or null
 * @param lastError   the message of the last failed attempt since the last success, or null
 * @param alert       true when no certificate is active after a failure, or expiry is within the
 *                    alert threshold without a successful renewal
 * @param explanation the CA's ARI explanationURL (RFC 9773 §4.2), or null
 */
public record AcmeStatus(State state, String serial, Instant notAfter, Instant nextRenewal, String lastError,
                         boolean alert, URI explanation) {

    public enum State {
        /** No certificate yet; the first order is pending or running. */
        ISSUING,
        /** A certificate is active and not yet due. */
        VALID,
        /** A renewal is running; the old certificate is still served. */
        RENEWING,
        /** The last attempt failed; a retry is scheduled and the old certificate, if any, is served. */
        RETRYING,
        /** The active certificate has expired. */
        EXPIRED
    }
}
