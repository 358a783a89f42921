package io.callsign.passport;

/**
 * Why a PASSporT or Identity header was refused: the single place that maps a failure to the SIP
 * response code and reason phrase of RFC 8224 §6.2.2 / §13.2 and to the verstat value (3GPP TS 24.229
 * §7.2A.20) a continuing call is marked with.
 */
public enum Reason {
    /** RFC 8224 §6.2 Step 4 (VER-05, VER-06): Date or iat outside the freshness window. */
    STALE_DATE(403, "Stale Date", Verstat.FAILED),
    /** RFC 8224 §6.2 (VER-15): no Identity header where policy requires one. */
    USE_IDENTITY_HEADER(428, "Use Identity Header", Verstat.NO_VALIDATION),
    /** RFC 8224 §6.2.2 (VER-02): only Identity headers with an unsupported ppt were received. */
    USE_SUPPORTED_PASSPORT_FORMAT(428, "Use Supported PASSporT Format", Verstat.NO_VALIDATION),
    /** RFC 8224 §6.2.2 (VER-13): the credential named by info could not be obtained. */
    BAD_IDENTITY_INFO(436, "Bad Identity Info", Verstat.FAILED),
    /** RFC 8224 §6.2.2 (VER-14): the credential was obtained but is not supported or not trusted. */
    UNSUPPORTED_CREDENTIAL(437, "Unsupported Credential", Verstat.FAILED),
    /** RFC 8224 §6.2.2 (VER-09..12): the header or PASSporT is malformed or its signature is wrong. */
    INVALID_IDENTITY_HEADER(438, "Invalid Identity Header", Verstat.FAILED);

    /** The verstat values of 3GPP TS 24.229 §7.2A.20 (VER-18), without carrier suffixes. */
    public static final class Verstat {
        public static final String PASSED = "TN-Validation-Passed";
        public static final String FAILED = "TN-Validation-Failed";
        public static final String NO_VALIDATION = "No-TN-Validation";

        private Verstat() {
        }
    }

    private final int sipCode;
    private final String phrase;
    private final String verstat;

    Reason(int sipCode, String phrase, String verstat) {
        this.sipCode = sipCode;
        this.phrase = phrase;
        this.verstat = verstat;
    }

    /** The SIP response code, e.g. 438. */
    public int sipCode() {
        return sipCode;
    }

    /** The standard reason phrase, e.g. {@code Invalid Identity Header}; never carries input details. */
    public String phrase() {
        return phrase;
    }

    /** The verstat value to mark a call with when policy lets it continue despite this reason. */
    public String verstat() {
        return verstat;
    }
}
