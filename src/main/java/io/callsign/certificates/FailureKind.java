package io.callsign.certificates;

/**
 * Why a credential could not be used, and the SIP response RFC 8224 §6.2.2 assigns to it: 436 when
 * the credential could not be obtained, 437 when it was obtained but is not acceptable (VER-13/14).
 */
public enum FailureKind {
    /** Bad URL, blocked address, timeout, non-200 answer, body too big or not a PEM chain. */
    FETCH_FAILED(436, "Bad Identity Info"),
    /** No path to a trust anchor, or revocation status required but unknown. */
    UNTRUSTED(437, "Unsupported Credential"),
    /** Leaf is not EC P-256, has no single-SPC TNAuthList, or fails the strict profile. */
    UNSUPPORTED(437, "Unsupported Credential"),
    /** The call time lies outside the validity period of the certification path (VER-07). */
    OUTSIDE_VALIDITY(437, "Unsupported Credential"),
    /** The leaf's serial is listed in its CRL (CERT-16). */
    REVOKED(437, "Unsupported Credential");

    private final int sipCode;
    private final String sipReason;

    FailureKind(int sipCode, String sipReason) {
        this.sipCode = sipCode;
        this.sipReason = sipReason;
    }

    public int sipCode() {
        return sipCode;
    }

    public String sipReason() {
        return sipReason;
    }
}
