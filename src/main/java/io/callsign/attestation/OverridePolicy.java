package io.callsign.attestation;

import java.util.Locale;

/** What a per-call {@code attest} in a sign request may do ({@code CALLSIGN_ATTEST_OVERRIDE}). */
public enum OverridePolicy {
    /** Ignored (the reason says so): the policy alone decides. The default. */
    DENY,
    /** May lower the level the policy decided (e.g. A to B), never raise it. */
    DOWNGRADE,
    /** Replaces the policy's level: only for proxies that decide attestation themselves. */
    ALLOW;

    public static OverridePolicy parse(String value) {
        for (OverridePolicy policy : values()) {
            if (policy.name().toLowerCase(Locale.ROOT).equals(value)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("attestation override policy '" + value + "' is not one of deny, downgrade, allow");
    }
}
