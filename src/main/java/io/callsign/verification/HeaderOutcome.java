package io.callsign.verification;

import io.callsign.certificates.Credential;
import io.callsign.passport.DecodedPassport;
import io.callsign.passport.Reason;
import java.util.Objects;

/** What became of one Identity header (RFC 8224 §6.2). Immutable. */
sealed interface HeaderOutcome {

    /**
     * Signature verified with a trusted credential: only now may the claims be used (SEC-13).
     *
     * @param replay the same PASSporT was already verified for another call (VER-20, flag policy)
     */
    record Passed(DecodedPassport passport, Credential credential, boolean replay) implements HeaderOutcome {
        public Passed {
            Objects.requireNonNull(passport, "passport");
            Objects.requireNonNull(credential, "credential");
        }
    }

    /**
     * @param reason the RFC 8224 §6.2.2 failure
     * @param detail precise, for logs
     * @param x5u    the credential URL the header names, when it could be read; else null
     * @param ppi    the PASSporT in compact form {@code ..signature} for an RFC 9410 Reason, or null
     */
    record Failed(Reason reason, String detail, String x5u, String ppi) implements HeaderOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** RFC 8224 §6.2.2: the credential could not be obtained (436). */
        boolean credentialUnobtainable() {
            return reason.sipCode() == 436;
        }

        /** RFC 8224 §6.2.2: a credential was obtained but is not supported or trusted (437). */
        boolean credentialUnsupported() {
            return reason.sipCode() == 437;
        }
    }

    /** An unsupported ppt: the header is ignored and does not count as usable (VER-02). */
    record Ignored(String detail) implements HeaderOutcome {
    }
}
