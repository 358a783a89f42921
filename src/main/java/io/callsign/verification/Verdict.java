package io.callsign.verification;

import io.callsign.passport.Reason;
import java.util.List;

/**
 * The verdict over all Identity headers of a request (RFC 8224 §6.2.2, HDR-08): the first valid header
 * wins; otherwise 436 only when no credential at all could be obtained, 437 when some were obtained
 * but none is acceptable, else the first other failure (438 or 403); with no usable header at all,
 * No-TN-Validation, or 428 when policy requires Identity (VER-15). Immutable.
 */
sealed interface Verdict {

    /** The first header that passed. */
    record Passed(int index, HeaderOutcome.Passed header) implements Verdict {
    }

    /** A failure the proxy may reject the call with, or mark it and continue. */
    record Failed(Reason reason, String detail) implements Verdict {
    }

    /** No usable Identity header and none required. */
    record NoValidation(String detail) implements Verdict {
    }

    static Verdict of(List<HeaderOutcome> outcomes, boolean requireIdentity) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof HeaderOutcome.Passed passed) {
                return new Passed(i, passed);
            }
        }
        List<HeaderOutcome.Failed> failures = outcomes.stream()
                .filter(HeaderOutcome.Failed.class::isInstance).map(HeaderOutcome.Failed.class::cast).toList();
        if (failures.isEmpty()) {
            return noUsableHeader(outcomes, requireIdentity);
        }
        if (failures.stream().allMatch(HeaderOutcome.Failed::credentialUnobtainable)) {
            return failed(failures.get(0));
        }
        if (failures.stream().allMatch(f -> f.credentialUnobtainable() || f.credentialUnsupported())) {
            return failed(failures.stream().filter(HeaderOutcome.Failed::credentialUnsupported).findFirst().orElseThrow());
        }
        return failed(failures.stream().filter(f -> !f.credentialUnobtainable() && !f.credentialUnsupported())
                .findFirst().orElseThrow());
    }

    private static Verdict noUsableHeader(List<HeaderOutcome> outcomes, boolean requireIdentity) {
        String detail = outcomes.isEmpty() ? "the request has no Identity header"
                : "no Identity header has a supported ppt; " + outcomes.size() + " ignored (VER-02)";
        if (!requireIdentity) {
            return new NoValidation(detail);
        }
        // RFC 8224 §6.2.2: 428 names what is missing; only unsupported ppts get the format phrase.
        Reason reason = outcomes.isEmpty() ? Reason.USE_IDENTITY_HEADER : Reason.USE_SUPPORTED_PASSPORT_FORMAT;
        return new Failed(reason, detail + " and CALLSIGN_REQUIRE_IDENTITY=true (VER-15)");
    }

    private static Verdict failed(HeaderOutcome.Failed failure) {
        return new Failed(failure.reason(), failure.detail());
    }
}
