package io.callsign.attestation;

import java.util.Locale;
import java.util.Optional;

/** {@code SBC_STIR_ATTESTATION}: one level for every call, or {@code auto} (decided per call). */
public enum AttestationMode {
    A, B, C, AUTO;

    /** The level used for every call, or empty for {@link #AUTO}. */
    public Optional<AttestationLevel> fixedLevel() {
        return this == AUTO ? Optional.empty() : Optional.of(AttestationLevel.valueOf(name()));
    }

    /** "A", "B", "C" or "auto" (any case for auto). */
    public static AttestationMode parse(String value) {
        if (value != null && value.toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        if (value != null && (value.equals("A") || value.equals("B") || value.equals("C"))) {
            return valueOf(value);
        }
        throw new IllegalArgumentException("attestation mode '" + value + "' is not one of A, B, C, auto");
    }
}
