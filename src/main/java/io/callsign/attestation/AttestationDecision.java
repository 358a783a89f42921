package io.callsign.attestation;

import java.util.Objects;

/**
 * The level to sign with, and why.
 *
 * @param level        the {@code attest} claim
 * @param subscriberId the identified subscriber, or null when none was identified
 * @param reason       one operator-readable sentence naming the rule that fired,
 *                     e.g. "subscriber acct-42 holds 15145559876 (verified)"
 */
public record AttestationDecision(AttestationLevel level, String subscriberId, String reason) {
    public AttestationDecision {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
    }
}
