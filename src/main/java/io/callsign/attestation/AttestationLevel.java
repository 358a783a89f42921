package io.callsign.attestation;

/**
 * The SHAKEN {@code attest} claim (RFC 8588 §4, SIGN-13); levels defined in ATIS-1000074 §5.2.3.
 */
public enum AttestationLevel {
    /** Full: the caller is our identified customer and is authorised to use the calling number. */
    A("full"),
    /** Partial: the caller is our identified customer, but the number is not verifiably theirs. */
    B("partial"),
    /** Gateway: we only know where the call entered our network. */
    C("gateway");

    private final String description;

    AttestationLevel(String description) {
        this.description = description;
    }

    /** "full", "partial" or "gateway". */
    public String description() {
        return description;
    }

    /** True when this level vouches for more than {@code other} (A over B over C). */
    public boolean strongerThan(AttestationLevel other) {
        return ordinal() < other.ordinal();
    }

    /** Exactly "A", "B" or "C" (SIGN-13: anything else is refused, not mapped). */
    public static AttestationLevel parse(String value) {
        if (value != null) {
            for (AttestationLevel level : values()) {
                if (level.name().equals(value)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("attestation level '" + value + "' is not one of A, B, C");
    }
}
