package io.callsign.attestation;

import java.util.Objects;

/**
 * Attestation settings.
 *
 * @param mode                      {@code SBC_STIR_ATTESTATION}: A, B, C or auto
 * @param override                  {@code CALLSIGN_ATTEST_OVERRIDE}: what a per-call {@code attest} may do
 * @param requireVerifiedSubscriber {@code CALLSIGN_ATTEST_REQUIRE_KYC}: A needs the subscriber itself to be
 *                                  verified (KYC), since ATIS-1000074 A requires an authenticated
 *                                  relationship with a customer the provider can identify; without it, B
 */
public record AttestationConfig(AttestationMode mode, OverridePolicy override, boolean requireVerifiedSubscriber) {

    public AttestationConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(override, "override");
    }

    /** auto, overrides ignored, KYC required for A. */
    public static AttestationConfig defaults() {
        return new AttestationConfig(AttestationMode.AUTO, OverridePolicy.DENY, true);
    }
}
