package io.callsign.acme;

/** What one renewal step of this instance ended with; counted in {@code callsign_cert_renewals_total}. */
public enum RenewalOutcome {
    /** This instance ordered and installed a new certificate. */
    ISSUED,
    /** An order of this instance failed; the old certificate, if any, stays active. */
    FAILED,
    /** This instance installed a certificate another instance renewed (shared database). */
    ADOPTED
}
